package dev.newsdesk.cli;

import dev.newsdesk.store.AnswerLog;
import dev.newsdesk.store.Insights;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "insights", description = "What was asked and what the coverage failed to answer: questions per day, "
        + "abstentions, latency, feedback, coverage gaps, flagged citations.")
final class InsightsCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--since", paramLabel = "YYYY-MM-DD", description = "First day (UTC), default 30 days ago.")
    LocalDate since;

    @Option(names = "--until", paramLabel = "YYYY-MM-DD", description = "Last day (UTC), default today.")
    LocalDate until;

    @Option(names = "--json", description = "Print JSON: questions, answered, abstained, abstentionRate, latencyMs, "
            + "feedback, perDay, gaps, flaggedCitations, perChannel, store.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        LocalDate to = until != null ? until : LocalDate.now(ZoneOffset.UTC);
        LocalDate from = since != null ? since : to.minusDays(29);
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("--since " + from + " is after --until " + to + "; swap them");
        }
        Insights in;
        try (AnswerLog log = AnswerLog.of(App.create(common).storeSettings())) {
            in = log.insights(from, to);
        }
        if (json) {
            common.out().println(Json.write(in));
        } else {
            print(in, common.out());
        }
        return in.ok() ? 0 : Main.EXIT_ERROR;
    }

    static void print(Insights in, PrintWriter out) {
        out.printf("Insights %s to %s%n", in.since(), in.until());
        if (!in.ok()) {
            out.println("  The store is " + in.store() + "; no figures can be given.");
            return;
        }
        out.printf("  questions %d: answered %d, abstained %d (rate %.3f)%n", in.questions(), in.answered(), in.abstained(),
                in.abstentionRate());
        out.printf("  latency ms: p50 %d, p95 %d%n", in.latencyMs().p50(), in.latencyMs().p95());
        out.printf("  feedback: %d up, %d down, %d citations flagged%n", in.feedback().up(), in.feedback().down(),
                in.feedback().citationsFlagged());
        if (!in.perDay().isEmpty()) {
            out.println("  per day:");
            for (Insights.Day d : in.perDay()) {
                out.printf("    %s  %d asked, %d abstained, median %d ms, %d up, %d down%n", d.day(), d.questions(),
                        d.abstained(), d.latencyP50Ms(), d.up(), d.down());
            }
        }
        if (!in.gaps().isEmpty()) {
            out.println("  coverage gaps (asked, not answered):");
            for (Insights.Gap g : in.gaps()) {
                out.printf("    %3d × %s  e.g. \"%s\"%n", g.count(), String.join(" ", g.terms()), g.example());
            }
        }
        if (!in.flaggedCitations().isEmpty()) {
            out.println("  flagged citations:");
            for (Insights.FlaggedCitation f : in.flaggedCitations()) {
                out.printf("    answer %d [%d] %s — %s: %d report(s): %s%n", f.questionId(), f.citation(),
                        f.outlet() == null ? "?" : f.outlet(), f.quote() == null ? "" : f.quote(), f.reports(),
                        String.join("; ", f.reasons()));
            }
        }
    }
}
