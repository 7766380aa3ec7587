package dev.newsdesk.web;

import dev.newsdesk.store.Insights;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The insights page body from the store's {@link Insights} (the {@code insights --json} numbers): questions per
 * day answered and abstained, answer time, feedback, then coverage gaps, flagged citations and channels.
 */
final class InsightsView {
    private InsightsView() {}

    static String render(Insights r, LocalDate since, LocalDate until, Clock clock) {
        StringBuilder sb = new StringBuilder("<section class=\"insights\"><h1>Insights</h1>");
        sb.append("<form method=\"post\" action=\"/logout\" class=\"logout\"><button type=\"submit\">Sign out</button></form>");
        if (r == null) {
            return sb.append("<p class=\"empty\">No database is configured, so there is nothing to show yet.</p></section>").toString();
        }
        if (!r.ok()) {
            // an outage must not read as a quiet month: say so, draw nothing
            return sb.append("<p class=\"error\" role=\"alert\">The database could not be read (").append(Html.text(r.store()))
                    .append("); the numbers are not shown rather than shown as zero.</p></section>").toString();
        }
        sb.append("<p class=\"meta\" id=\"totals\">").append(since).append(" to ").append(until).append(": <span id=\"total-questions\">")
                .append(r.questions()).append("</span> questions, <span id=\"total-answered\">").append(r.answered())
                .append("</span> answered, <span id=\"total-abstained\">").append(r.abstained())
                .append("</span> not answered by the coverage (").append(Math.round(r.abstentionRate() * 100)).append("%).</p>");

        List<String> days = new ArrayList<>();
        Map<LocalDate, Insights.Day> byDay = new HashMap<>();
        for (Insights.Day d : r.perDay()) byDay.put(d.day(), d);
        for (LocalDate d = since; !d.isAfter(until); d = d.plusDays(1)) days.add(d.toString());
        List<Long> answered = new ArrayList<>();
        List<Long> abstained = new ArrayList<>();
        List<Long> median = new ArrayList<>();
        List<Long> up = new ArrayList<>();
        List<Long> down = new ArrayList<>();
        for (String d : days) {
            Insights.Day day = byDay.get(LocalDate.parse(d));
            answered.add(day == null ? 0 : day.answered());
            abstained.add(day == null ? 0 : day.abstained());
            median.add(day == null ? 0 : day.latencyP50Ms());
            up.add(day == null ? 0 : day.up());
            down.add(day == null ? 0 : day.down());
        }
        sb.append(SvgCharts.stacked("chart-questions", "Questions per day: answered and abstained", days, List.of(
                new SvgCharts.Series("answered", "answered", answered),
                new SvgCharts.Series("abstained", "abstained", abstained)), ""));
        Insights.Latency lat = r.latencyMs() == null ? new Insights.Latency(0, 0) : r.latencyMs();
        sb.append(SvgCharts.bars("chart-latency-days", "Median answer time per day (ms)", days, median, "latency", "ms"));
        sb.append(SvgCharts.bars("chart-latency", "Answer time over the period (ms)", List.of("median", "95th percentile"),
                List.of(lat.p50(), lat.p95()), "latency", "ms"));
        sb.append(SvgCharts.stacked("chart-feedback-days", "Feedback per day: helpful and not helpful", days, List.of(
                new SvgCharts.Series("up", "helpful", up),
                new SvgCharts.Series("down", "not helpful", down)), ""));
        Insights.Feedback fb = r.feedback() == null ? new Insights.Feedback(0, 0, 0) : r.feedback();
        sb.append(SvgCharts.bars("chart-feedback", "Feedback over the period", List.of("helpful", "not helpful", "citations flagged"),
                List.of(fb.up(), fb.down(), fb.citationsFlagged()), "feedback", ""));

        sb.append("<h2>Coverage gaps</h2>");
        if (r.gaps().isEmpty()) sb.append("<p class=\"empty\">Every question in the period was answered.</p>");
        else {
            sb.append("<table id=\"gaps\"><thead><tr><th>Topic (shared terms)</th><th>Example question</th><th>Times asked</th></tr></thead><tbody>");
            for (Insights.Gap g : r.gaps()) {
                sb.append("<tr><td>").append(Html.text(String.join(", ", g.terms()))).append("</td><td>").append(Html.text(g.example()))
                        .append("</td><td class=\"num\">").append(g.count()).append("</td></tr>");
            }
            sb.append("</tbody></table>");
        }
        sb.append("<h2>Flagged citations</h2>");
        if (r.flaggedCitations().isEmpty()) sb.append("<p class=\"empty\">No citation was reported in the period.</p>");
        else {
            sb.append("<table id=\"flags\"><thead><tr><th>Question</th><th>Citation</th><th>Quote</th><th>Reports</th><th>Reasons</th></tr></thead><tbody>");
            for (Insights.FlaggedCitation f : r.flaggedCitations()) {
                sb.append("<tr><td class=\"num\">#").append(f.questionId()).append("</td><td>[").append(f.citation()).append("] ")
                        .append(Html.text(f.outlet())).append(" — ").append(Html.text(f.title())).append("</td><td>")
                        .append(Html.text(f.quote())).append("</td><td class=\"num\">").append(f.reports()).append("</td><td>")
                        .append(Html.text(String.join("; ", f.reasons()))).append("</td></tr>");
            }
            sb.append("</tbody></table>");
        }
        if (!r.perChannel().isEmpty()) {
            sb.append("<h2>Channels</h2><table id=\"channels\"><thead><tr><th>Channel</th><th>Questions</th><th>Abstained</th></tr></thead><tbody>");
            for (Insights.Channel c : r.perChannel()) {
                sb.append("<tr><td>").append(Html.text(c.channelId() == null ? "command line" : c.channelId())).append("</td><td class=\"num\">")
                        .append(c.questions()).append("</td><td class=\"num\">").append(c.abstained()).append("</td></tr>");
            }
            sb.append("</tbody></table>");
        }
        sb.append("<p class=\"meta\">Drawn ").append(clock.instant().toString(), 0, 16).append(" UTC.</p>");
        return sb.append("</section>").toString();
    }
}
