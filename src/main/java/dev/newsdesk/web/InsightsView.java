package dev.newsdesk.web;

import java.time.Clock;
import java.util.List;

/** The insights page body: three charts and three tables from one {@link Insights.Report}. */
final class InsightsView {
    private InsightsView() {}

    static String render(Insights.Report r, Clock clock) {
        StringBuilder sb = new StringBuilder("<section class=\"insights\"><h1>Insights</h1>");
        sb.append("<form method=\"post\" action=\"/logout\" class=\"logout\"><button type=\"submit\">Sign out</button></form>");
        if (r == null) {
            return sb.append("<p class=\"empty\">No database is open, so there is nothing to show yet: questions are"
                    + " stored when the bot or the web ask page answers them.</p></section>").toString();
        }
        if (r.note() != null) sb.append("<p class=\"note\">").append(Html.text(r.note())).append("</p>");
        List<String> days = r.days().stream().map(d -> d.day().toString()).toList();
        int asked = r.days().stream().mapToInt(Insights.Day::questions).sum();
        int abstained = r.days().stream().mapToInt(Insights.Day::abstained).sum();
        sb.append("<p class=\"meta\" id=\"totals\">").append(asked).append(" questions in the last ").append(r.days().size())
                .append(" days, ").append(abstained).append(" not answered by the coverage.</p>");
        sb.append(SvgCharts.stacked("chart-questions", "Questions per day: answered and abstained", days, List.of(
                new SvgCharts.Series("answered", "answered", r.days().stream().map(d -> (long) d.answered()).toList()),
                new SvgCharts.Series("abstained", "abstained", r.days().stream().map(d -> (long) d.abstained()).toList())), ""));
        sb.append(SvgCharts.stacked("chart-latency", "Median answer time per day (ms)", days, List.of(
                new SvgCharts.Series("latency", "median", r.days().stream().map(Insights.Day::medianLatencyMs).toList())), "ms"));
        sb.append(SvgCharts.stacked("chart-feedback", "Feedback per day", days, List.of(
                new SvgCharts.Series("up", "helpful", r.days().stream().map(d -> (long) d.votesUp()).toList()),
                new SvgCharts.Series("down", "not helpful", r.days().stream().map(d -> (long) d.votesDown()).toList())), ""));
        sb.append("<h2>Coverage gaps</h2>");
        if (r.gaps().isEmpty()) sb.append("<p class=\"empty\">Every stored question was answered.</p>");
        else {
            sb.append("<table id=\"gaps\"><thead><tr><th>Unanswered question</th><th>Times asked</th></tr></thead><tbody>");
            for (Insights.Gap g : r.gaps()) {
                sb.append("<tr><td>").append(Html.text(g.question())).append("</td><td class=\"num\">").append(g.count()).append("</td></tr>");
            }
            sb.append("</tbody></table>");
        }
        sb.append("<h2>Flagged citations</h2>");
        if (r.flags().isEmpty()) sb.append("<p class=\"empty\">No citation has been reported.</p>");
        else {
            sb.append("<table id=\"flags\"><thead><tr><th>Question</th><th>Citation</th><th>Reason</th></tr></thead><tbody>");
            for (Insights.Flag f : r.flags()) {
                sb.append("<tr><td>").append(Html.text(f.question())).append("</td><td class=\"num\">[").append(f.citation())
                        .append("]</td><td>").append(Html.text(f.reason())).append("</td></tr>");
            }
            sb.append("</tbody></table>");
        }
        sb.append("<h2>Sources</h2>");
        if (r.sources().isEmpty()) sb.append("<p class=\"empty\">No live sources are configured; the index holds the corpus files only.</p>");
        else {
            sb.append("<table id=\"sources\"><thead><tr><th>Source</th><th>Last polled</th><th>Status</th></tr></thead><tbody>");
            for (Insights.SourceStatus s : r.sources()) {
                sb.append("<tr><td>").append(Html.text(s.source())).append("</td><td>").append(Html.text(s.lastPolled()))
                        .append("</td><td>").append(Html.text(s.status())).append("</td></tr>");
            }
            sb.append("</tbody></table>");
        }
        sb.append("<p class=\"meta\">Drawn ").append(clock.instant().toString(), 0, 16).append(" UTC.</p>");
        return sb.append("</section>").toString();
    }
}
