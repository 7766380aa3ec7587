package dev.newsdesk.cli;

import dev.newsdesk.sources.PollState;
import dev.newsdesk.sources.Source;
import dev.newsdesk.sources.SourcesFile;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code newsdesk sources add|remove|enable|disable|list}: the sources file, and how polling each source went. */
@Command(name = "sources", description = {"Manage the feeds, sitemaps and pages `newsdesk poll` (and the bot) fetch.",
        "They are kept in config/sources.json (sources.file, env NEWSDESK_SOURCES_FILE)."},
        subcommands = {SourcesCommand.Add.class, SourcesCommand.Remove.class, SourcesCommand.Enable.class,
                SourcesCommand.Disable.class, SourcesCommand.ListSources.class})
final class SourcesCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static final Pattern INTERVAL = Pattern.compile("(\\d+)\\s*(s|m|min|h|d)?", Pattern.CASE_INSENSITIVE);

    /** "15m", "90s", "2h", "1d", or plain minutes ("30"). */
    static Duration interval(String s) {
        Matcher m = INTERVAL.matcher(s == null ? "" : s.strip());
        if (!m.matches()) {
            throw new UsageError("--interval " + Converters.shown(s) + " is not a duration; use e.g. 15m, 2h or 90s");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "m" : m.group(2).toLowerCase(Locale.ROOT);
        return switch (unit) {
            case "s" -> Duration.ofSeconds(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofMinutes(n);
        };
    }

    static String shortDuration(Duration d) {
        long s = d.toSeconds();
        if (s % 86400 == 0) return s / 86400 + "d";
        if (s % 3600 == 0) return s / 3600 + "h";
        if (s % 60 == 0) return s / 60 + "m";
        return s + "s";
    }

    @Command(name = "add", description = "Add a source (or change one already listed).")
    static final class Add implements Callable<Integer> {
        @Mixin
        CommonOptions common;
        @Parameters(paramLabel = "URL", description = "The feed (RSS/Atom), sitemap or article page.")
        String url;
        @Option(names = "--outlet", paramLabel = "NAME", description = "Outlet for articles whose pages name none.")
        String outlet;
        @Option(names = "--interval", paramLabel = "DURATION", description = "How often to poll it (e.g. 15m, 2h; default 30m, at least 1m).")
        String interval;
        @Option(names = "--kind", paramLabel = "KIND", description = "feed, sitemap or page (default: sitemap when the URL says so, else feed).")
        String kind;

        @Override
        public Integer call() throws Exception {
            try (App app = App.create(common)) {
                SourcesFile file = PollSession.sourcesFile(app);
                Source s;
                try {
                    Source.Kind k = kind != null ? Source.Kind.parse(kind)
                            : url.toLowerCase(Locale.ROOT).contains("sitemap") ? Source.Kind.SITEMAP : Source.Kind.FEED;
                    s = new Source(url, k, outlet, interval == null ? null : interval(interval), true);
                } catch (UsageError e) {
                    throw e;
                } catch (IllegalArgumentException e) {
                    throw new UsageError(e.getMessage());
                }
                List<Source> list = new ArrayList<>(file.load());
                var old = SourcesFile.find(list, url);
                if (old.isPresent()) list.set(list.indexOf(old.get()), s);
                else list.add(s);
                file.save(list);
                common.err().println((old.isPresent() ? "updated " : "added ") + s.kind().id() + " " + s.url()
                        + " (every " + shortDuration(s.interval()) + (s.outlet() == null ? "" : ", outlet " + s.outlet())
                        + ") in " + file.path() + "; `newsdesk poll --once` fetches it now, a running bot within a minute");
                return 0;
            }
        }
    }

    /** remove, enable, disable: one listed source by URL. */
    abstract static class OneSource implements Callable<Integer> {
        @Mixin
        CommonOptions common;
        @Parameters(paramLabel = "URL", description = "The source's URL as `newsdesk sources list` shows it.")
        String url;

        abstract String verb();

        /** @return the new list */
        abstract List<Source> change(List<Source> list, Source s);

        @Override
        public Integer call() throws Exception {
            try (App app = App.create(common)) {
                SourcesFile file = PollSession.sourcesFile(app);
                List<Source> list = new ArrayList<>(file.load());
                Source s = SourcesFile.find(list, url).orElseThrow(() -> new UsageError("no source " + Converters.shown(url)
                        + " in " + file.path() + "; `newsdesk sources list` shows them"));
                file.save(change(list, s));
                common.err().println(verb() + " " + s.url());
                return 0;
            }
        }
    }

    @Command(name = "remove", description = "Remove a source (what it brought stays indexed).")
    static final class Remove extends OneSource {
        String verb() {
            return "removed";
        }

        List<Source> change(List<Source> list, Source s) {
            list.remove(s);
            return list;
        }
    }

    @Command(name = "enable", description = "Poll a disabled source again.")
    static final class Enable extends OneSource {
        String verb() {
            return "enabled";
        }

        List<Source> change(List<Source> list, Source s) {
            list.set(list.indexOf(s), s.withEnabled(true));
            return list;
        }
    }

    @Command(name = "disable", description = "Stop polling a source, keeping it listed.")
    static final class Disable extends OneSource {
        String verb() {
            return "disabled";
        }

        List<Source> change(List<Source> list, Source s) {
            list.set(list.indexOf(s), s.withEnabled(false));
            return list;
        }
    }

    @Command(name = "list", description = "The sources with their last poll, last success, articles taken, failures in a row and next poll.")
    static final class ListSources implements Callable<Integer> {
        @Mixin
        CommonOptions common;
        @Option(names = "--json", description = "One JSON object per source.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            try (App app = App.create(common)) {
                List<Source> sources = PollSession.sourcesFile(app).load();
                PollState state = PollState.load(app.indexDir.resolve(PollState.FILE));
                int budget = PollSession.fetchSettings(app).failureBudget();
                PrintWriter out = common.out();
                if (json) {
                    out.println(Json.write(Map.of("sources", sources.stream().map(s -> row(s, state.source(s.url()), budget)).toList())));
                } else if (sources.isEmpty()) {
                    out.println("No sources yet; add one with `newsdesk sources add URL`.");
                } else {
                    out.print(text(sources, state, budget, Instant.now()));
                }
                out.flush();
                return 0;
            }
        }
    }

    static Map<String, Object> row(Source s, PollState.SourceStatus st, int budget) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", s.url());
        m.put("kind", s.kind().id());
        m.put("outlet", s.outlet());
        m.put("interval_minutes", s.interval().toSeconds() / 60.0);
        m.put("enabled", s.enabled());
        m.put("last_poll", str(st.lastPoll()));
        m.put("last_success", str(st.lastSuccess()));
        m.put("articles_taken", st.articlesTaken());
        m.put("consecutive_failures", st.consecutiveFailures());
        m.put("next_poll", s.enabled() ? str(st.nextPoll()) : null);
        m.put("backing_off", st.consecutiveFailures() >= budget);
        m.put("last_error", st.lastError());
        return m;
    }

    /** The table `sources list` prints and the bot's /sources shows. */
    static String text(List<Source> sources, PollState state, int budget, Instant now) {
        StringBuilder b = new StringBuilder();
        for (Source s : sources) {
            PollState.SourceStatus st = state.source(s.url());
            b.append(s.enabled() ? "" : "[disabled] ").append(st.consecutiveFailures() >= budget ? "[backing off] " : "")
                    .append(s.kind().id()).append(' ').append(s.url())
                    .append(s.outlet() == null ? "" : " (" + s.outlet() + ")").append('\n');
            b.append("  every ").append(shortDuration(s.interval()))
                    .append("; last poll ").append(when(st.lastPoll(), now))
                    .append("; last success ").append(when(st.lastSuccess(), now))
                    .append("; articles taken ").append(st.articlesTaken())
                    .append("; failures in a row ").append(st.consecutiveFailures())
                    .append("; next poll ").append(!s.enabled() ? "never (disabled)" : st.nextPoll() == null ? "now" : when(st.nextPoll(), now))
                    .append('\n');
            if (st.lastError() != null) b.append("  last error: ").append(st.lastError()).append('\n');
        }
        return b.toString();
    }

    private static String str(Instant t) {
        return t == null ? null : t.toString();
    }

    private static String when(Instant t, Instant now) {
        if (t == null) return "never";
        long s = Duration.between(t, now).toSeconds();
        String ago = Math.abs(s) < 120 ? Math.abs(s) + " s" : Math.abs(s) < 7200 ? Math.abs(s) / 60 + " min" : Math.abs(s) / 3600 + " h";
        return t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + (s >= 0 ? " (" + ago + " ago)" : " (in " + ago + ")");
    }
}
