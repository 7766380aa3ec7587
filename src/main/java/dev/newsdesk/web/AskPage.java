package dev.newsdesk.web;

import dev.newsdesk.answer.Answer;
import dev.newsdesk.answer.Citation;
import dev.newsdesk.answer.Question;
import dev.newsdesk.retrieve.Catalog;
import dev.newsdesk.retrieve.Filters;
import dev.newsdesk.retrieve.Hit;
import dev.newsdesk.retrieve.SearchRequest;
import io.javalin.http.Context;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /}: one form that asks or searches (outlet and date filters), rendered on the server so it works with
 * the keyboard alone and without script. Answers come from the same answerer as {@code ask}: the lead first, the
 * answer with its [n] markers, the note, then the sources; every citation opens the reader at its quote.
 */
final class AskPage {
    private static final Pattern MARKER = Pattern.compile("\\[(\\d{1,3})\\]");
    private final WebServices services;
    private final RateLimiter asks;

    AskPage(WebServices services, RateLimiter asks) {
        this.services = services;
        this.asks = asks;
    }

    static String tooManySentence(RateLimiter asks) {
        return "Too many questions from your address: at most " + asks.perMinute()
                + " a minute. Wait a minute and ask again.";
    }

    void handle(Context ctx) {
        String q = Params.query(ctx);
        boolean search = "search".equals(ctx.queryParam("mode"));
        Filters filters = Params.filters(ctx);
        StringBuilder body = new StringBuilder();
        body.append(form(q, search, filters, services.catalog().stats()));
        if (q.isEmpty()) {
            ctx.html(Html.page("Ask", body.toString(), "ask.js"));
            return;
        }
        if (search) {
            if (q.length() > Question.MAX_CHARS) throw new WebServer.BadRequest("the search is " + q.length() + " characters long; keep it under " + Question.MAX_CHARS);
            body.append(results(q, services.retriever().search(new SearchRequest(q, filters, 10)), filters));
        } else if (!asks.allow(Params.client(ctx))) {
            ApiRoutes.tooMany(ctx);
            ctx.status(429);
            body.append("<p class=\"error\" role=\"alert\">").append(Html.text(tooManySentence(asks))).append("</p>");
        } else {
            WebServices.Answered a = services.ask(ApiRoutes.question(q, ctx));
            body.append(answer(a.answer()));
            if (a.id() != null) body.append(FeedbackRoute.form(a.id()));
        }
        ctx.html(Html.page(q, body.toString(), "ask.js"));
    }

    private static String form(String q, boolean search, Filters filters, Catalog.Stats stats) {
        StringBuilder sb = new StringBuilder();
        sb.append("<form method=\"get\" action=\"/\" class=\"ask\" id=\"ask-form\" role=\"search\">")
                .append("<label for=\"q\">Ask about the coverage, or search it</label>")
                .append("<div class=\"row\"><input id=\"q\" name=\"q\" type=\"search\" maxlength=\"").append(Question.MAX_CHARS)
                .append("\" autocomplete=\"off\" value=\"").append(Html.attr(q)).append("\"")
                .append(q.isEmpty() ? " autofocus" : "").append(">")
                .append("<button type=\"submit\" name=\"mode\" value=\"ask\" id=\"ask-button\">Ask</button>")
                .append("<button type=\"submit\" name=\"mode\" value=\"search\" id=\"search-button\">Search</button></div>")
                .append("<fieldset class=\"filters\"><legend>Filters</legend>")
                .append("<label for=\"outlet\">Outlet</label><select id=\"outlet\" name=\"outlet\"><option value=\"\">All outlets</option>");
        String chosen = filters.outlets().isEmpty() ? "" : filters.outlets().getFirst();
        for (Catalog.OutletCount o : stats.outlets()) {
            sb.append("<option value=\"").append(Html.attr(o.outlet())).append("\"")
                    .append(o.outlet().equalsIgnoreCase(chosen) ? " selected" : "").append(">")
                    .append(Html.text(o.outlet())).append(" (").append(o.articles()).append(")</option>");
        }
        sb.append("</select>")
                .append("<label for=\"since\">From</label><input id=\"since\" name=\"since\" type=\"date\" value=\"")
                .append(filters.since() == null ? "" : filters.since()).append("\">")
                .append("<label for=\"until\">To</label><input id=\"until\" name=\"until\" type=\"date\" value=\"")
                .append(filters.until() == null ? "" : filters.until()).append("\">")
                .append("</fieldset></form>");
        sb.append("<p class=\"meta\">").append(stats.articles()).append(" articles, ").append(stats.passages())
                .append(" passages from ").append(stats.outlets().size()).append(" outlets")
                .append(stats.earliest() == null ? "" : ", " + stats.earliest() + " to " + stats.latest()).append(".")
                .append(search ? " Showing search results." : "").append("</p>");
        return sb.toString();
    }

    /** The answer as the CLI prints it, in HTML: lead, text with linked markers, note, sources. */
    static String answer(Answer a) {
        StringBuilder sb = new StringBuilder("<section class=\"answer").append(a.abstained() ? " abstained" : "")
                .append("\" id=\"answer\" aria-live=\"polite\"><h2>Answer</h2>");
        if (a.lead() != null && !a.abstained()) {
            sb.append("<p class=\"lead\" id=\"lead\"><strong>").append(Html.text(a.lead().text())).append("</strong>");
            for (int n : a.lead().citations()) sb.append(' ').append(markerLink(a, n));
            sb.append("</p>");
        }
        sb.append("<p class=\"text\" id=\"answer-text\">").append(withMarkers(a)).append("</p>");
        if (a.note() != null) sb.append("<p class=\"note\">").append(Html.text(a.note())).append("</p>");
        if (!a.citations().isEmpty()) {
            sb.append("<h3>").append(a.abstained() ? "Closest articles" : "Sources").append("</h3><ol class=\"citations\">");
            for (Citation c : a.citations()) sb.append(citation(c));
            sb.append("</ol>");
        }
        return sb.append("</section>").toString();
    }

    private static String withMarkers(Answer a) {
        Matcher m = MARKER.matcher(Html.text(a.text()));
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement(n >= 1 && n <= a.citations().size() ? markerLink(a, n) : m.group()));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String markerLink(Answer a, int n) {
        Citation c = a.citations().get(n - 1);
        return "<a class=\"marker\" href=\"" + Html.attr(readerHref(c)) + "\">[" + n + "]</a>";
    }

    static String readerHref(Citation c) {
        return WebSettings.readerLink("", c.passageId(), c.start(), c.end());
    }

    private static String citation(Citation c) {
        StringBuilder sb = new StringBuilder("<li id=\"c").append(c.n()).append("\" class=\"citation\" value=\"").append(c.n()).append("\">")
                .append("<a class=\"cite\" href=\"").append(Html.attr(readerHref(c))).append("\">")
                .append(Html.text(c.outlet())).append(" — ").append(Html.text(c.title())).append("</a> <span class=\"date\">(")
                .append(c.published() == null ? "undated" : c.published()).append(")</span>");
        String href = Html.safeHref(c.url());
        if (href != null) sb.append(" <a class=\"original\" rel=\"noopener noreferrer nofollow\" href=\"").append(Html.attr(href)).append("\">original</a>");
        sb.append("<blockquote class=\"quote\">").append(Html.text(c.quote().replaceAll("\\s+", " "))).append("</blockquote>")
                .append("<span class=\"ids\">").append(Html.text(c.passageId())).append(" @").append(c.start()).append("-").append(c.end()).append("</span></li>");
        return sb.toString();
    }

    private static String results(String q, List<Hit> hits, Filters filters) {
        StringBuilder sb = new StringBuilder("<section class=\"results\" id=\"results\" aria-live=\"polite\"><h2>Search results</h2>");
        if (hits.isEmpty()) {
            return sb.append("<p class=\"empty\">No passages match \u201c").append(Html.text(q)).append("\u201d")
                    .append(filters.isEmpty() ? "." : " with these filters; try without them.").append("</p></section>").toString();
        }
        sb.append("<ol class=\"hits\">");
        for (Hit h : hits) {
            sb.append("<li class=\"hit\"><a class=\"hit-title\" href=\"").append(Html.attr(WebSettings.readerLink("", h.passageId(), h.start(), h.end())))
                    .append("\">").append(Html.text(h.title())).append("</a> <span class=\"outlet\">").append(Html.text(h.outlet()))
                    .append("</span> <span class=\"date\">").append(h.published() == null ? "undated" : h.published())
                    .append("</span><p class=\"snippet\">").append(Html.snippet(h.snippet())).append("</p></li>");
        }
        return sb.append("</ol></section>").toString();
    }
}
