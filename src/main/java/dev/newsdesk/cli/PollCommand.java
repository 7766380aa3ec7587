package dev.newsdesk.cli;

import dev.newsdesk.index.IndexLockedException;
import dev.newsdesk.sources.PollReport;
import dev.newsdesk.sources.PolledArticle;
import dev.newsdesk.sources.Source;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "poll", description = {
        "Fetch the sources (newsdesk sources list) and index their new and updated articles.",
        "--once makes one pass and exits; without it, polls each source on its interval until stopped (Ctrl-C).",
        "Exit status 4 means some source failed (each is listed with its reason); the others were indexed."})
final class PollCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    ProgressOptions progress;

    @Option(names = "--once", description = "One pass over every enabled source, then exit (for cron and scripts).")
    boolean once;

    @Option(names = "--feed", paramLabel = "URL", description = "Also poll this feed or sitemap (repeatable; not saved).")
    List<String> feeds = new ArrayList<>();

    @Option(names = "--url", paramLabel = "URL", description = "Also fetch this article page (repeatable; not saved).")
    List<String> urls = new ArrayList<>();

    @Option(names = "--json", description = "Print each pass as JSON: per source url, status, new, updated, unchanged, skipped, error.")
    boolean json;

    /** For tests of the loop: this many passes back to back (each polls only what is due), then stop. */
    @Option(names = "--passes", hidden = true, paramLabel = "N")
    int passes;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = common.out();
        PrintWriter err = common.err();
        List<Source> adHoc = new ArrayList<>();
        try {
            for (String f : feeds) adHoc.add(new Source(f, f.contains("sitemap") ? Source.Kind.SITEMAP : Source.Kind.FEED, null, null, true));
            for (String u : urls) adHoc.add(new Source(u, Source.Kind.PAGE, null, null, true));
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
        try (App app = App.create(common); PollSession session = PollSession.forCli(app, adHoc)) {
            if (session.sources().stream().noneMatch(Source::enabled)) {
                throw new UsageError("no sources to poll: add one with `newsdesk sources add URL` (saved in "
                        + PollSession.sourcesFile(app).path() + ") or pass --feed URL");
            }
            try {
                if (once) return report(pass(session, false, err), out, err, app);
                return loop(session, out, err, app);
            } catch (IndexLockedException e) {
                // The bot (or another poll or ingest) holds Lucene's write lock: nothing was written, nothing is lost.
                err.println("newsdesk: " + app.writeTarget().describe() + " is open for writing by another newsdesk "
                        + "process (the bot?); stop it or poll from the bot");
                return Main.EXIT_ERROR;
            }
        }
    }

    /** Polls until SIGINT/SIGTERM: a pass in flight finishes (its time-outs bound it), then the command returns. */
    private int loop(PollSession session, PrintWriter out, PrintWriter err, App app) throws IOException {
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                finished.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "newsdesk-poll-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        err.println("newsdesk: polling " + session.sources().stream().filter(Source::enabled).count()
                + " sources into " + app.writeTarget().describe() + "; stop with Ctrl-C");
        err.flush();
        int status = 0;
        try {
            for (int n = 1; stop.getCount() > 0; n++) {
                status = Math.max(status, report(pass(session, true, err), out, err, app));
                if (passes > 0) {
                    if (n >= passes) break;
                    continue;
                }
                if (stop.await(session.untilNextDue().toMillis(), TimeUnit.MILLISECONDS)) break;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook is running and waits for `finished`
            }
        }
        return status;
    }

    /** One pass with its progress (sources fetched) on stderr; --json output on stdout stays clean. */
    private PollReport pass(PollSession session, boolean dueOnly, PrintWriter err) throws IOException {
        try (Progress stage = progress.output(err).open("poll", "sources")) {
            return session.pass(dueOnly, (done, total) -> stage.update(done, total, null));
        }
    }

    /** Prints one pass; 4 when a source failed. */
    private int report(PollReport report, PrintWriter out, PrintWriter err, App app) {
        if (json) {
            // --once: one JSON document; the loop: one line per pass (JSONL), so a reader can follow it
            Map<String, Object> doc = Map.of("sources", report.sources().stream().map(PollCommand::json).toList());
            out.println(once ? Json.write(doc) : Json.writeLine(doc));
        } else {
            for (PollReport.SourceReport s : report.sources()) {
                out.println(s.status().id() + " " + s.url() + ": " + s.added() + " new, " + s.updated() + " updated, "
                        + s.unchanged() + " unchanged" + (s.folded() > 0 ? ", " + s.folded() + " folded into another outlet's copy" : "")
                        + (s.skipped().isEmpty() ? "" : ", " + s.skipped().size() + " skipped"));
                for (PollReport.Skip k : s.skipped()) out.println("  skipped " + k.url() + ": " + k.reason());
            }
        }
        out.flush();
        for (PollReport.SourceReport f : report.failed()) err.println("failed " + f.url() + ": " + f.error());
        err.flush();
        return report.failed().isEmpty() ? 0 : Main.EXIT_PARTIAL;
    }

    static Map<String, Object> json(PollReport.SourceReport s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", s.url());
        m.put("kind", s.kind());
        m.put("status", s.status().id());
        m.put("new", s.added());
        m.put("updated", s.updated());
        m.put("unchanged", s.unchanged());
        m.put("folded", s.folded());
        m.put("requests", s.requests());
        m.put("skipped", s.skipped().stream().map(k -> Map.of("url", k.url(), "reason", k.reason())).toList());
        m.put("error", s.error());
        List<Map<String, Object>> articles = new ArrayList<>();
        for (PolledArticle a : s.articles()) {
            Map<String, Object> am = new LinkedHashMap<>();
            am.put("id", a.article().id());
            am.put("title", a.article().title());
            am.put("outlet", a.article().outlet());
            am.put("url", a.article().url());
            am.put("published", a.article().published() == null ? null : a.article().published().toString());
            am.put("dated_by", a.datedBy());
            articles.add(am);
        }
        m.put("articles", articles);
        return m;
    }
}
