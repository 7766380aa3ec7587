package dev.newsdesk.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;

/**
 * "Helpful" / "Not helpful" under a web answer (words, not emoji: a machine without an emoji font shows boxes): a
 * plain form POST (no script), stored like a vote in Discord so {@code insights} and
 * {@code export-feedback} see it. A vote from another site's page is refused: a browser says where a form came
 * from (see {@link #sameOrigin}), and it must be this server.
 */
final class FeedbackRoute {
    private final AnswerRecorder recorder;

    FeedbackRoute(AnswerRecorder recorder) {
        this.recorder = recorder;
    }

    void register(RoutesConfig routes) {
        routes.post("/feedback", this::vote);
    }

    /** The two buttons under an answer stored as {@code id}. */
    static String form(long id) {
        return "<form method=\"post\" action=\"/feedback\" class=\"feedback\" id=\"feedback-form\">"
                + "<input type=\"hidden\" name=\"id\" value=\"" + id + "\">"
                + "<span>Was this answer helpful?</span> "
                + "<button type=\"submit\" name=\"vote\" value=\"up\" id=\"vote-up\">Helpful</button> "
                + "<button type=\"submit\" name=\"vote\" value=\"down\" id=\"vote-down\">Not helpful</button></form>";
    }

    private void vote(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        if (!sameOrigin(ctx)) {
            ctx.status(403).html(Html.page("Refused", "<p class=\"error\" role=\"alert\">A vote must be sent from this site's"
                    + " own answer page; ask again and use its buttons.</p>"));
            return;
        }
        String vote = ctx.formParam("vote");
        String idText = ctx.formParam("id");
        if (!"up".equals(vote) && !"down".equals(vote)) {
            throw new WebServer.BadRequest("vote=" + vote + " is not a vote; send up or down");
        }
        long id;
        try {
            id = Long.parseLong(idText == null ? "" : idText.strip());
        } catch (NumberFormatException e) {
            throw new WebServer.BadRequest("id=" + idText + " is not an answer number; vote from the answer page");
        }
        String back = "<p><a href=\"/\">Ask another question</a></p>";
        switch (recorder.vote(id, "up".equals(vote))) {
            case RECORDED -> ctx.html(Html.page("Thank you", "<p class=\"thanks\" role=\"status\" id=\"vote-result\">Thank you:"
                    + " your vote (" + ("up".equals(vote) ? "helpful" : "not helpful") + ") on answer #" + id
                    + " is recorded. Voting again changes it.</p>" + back));
            case NO_SUCH_ANSWER -> notFound(ctx).status(404).html(Html.page("No such answer", "<p class=\"error\" role=\"alert\""
                    + " id=\"vote-result\">There is no web answer #" + id + " to vote on (it may have been purged).</p>" + back));
            case UNAVAILABLE -> ctx.status(503).html(Html.page("Not recorded", "<p class=\"error\" role=\"alert\""
                    + " id=\"vote-result\">The vote could not be recorded: the database is unavailable. Try again later.</p>" + back));
        }
    }

    /** Keeps this page's 404 body (the server's own 404 page would replace it). */
    private static Context notFound(Context ctx) {
        ctx.attribute(WebServer.RENDERED, Boolean.TRUE);
        return ctx;
    }

    /**
     * Browsers say where a form came from in {@code Sec-Fetch-Site}; it must be this site. Without it (an older
     * client), a real {@code Origin} must be this server; this site's pages send no referrer, so a browser's own
     * same-site form may say {@code Origin: null}, which then passes only with {@code Sec-Fetch-Site: same-origin}.
     * A client that sends neither (curl, a script) is let through: the check is against other sites' pages.
     */
    private static boolean sameOrigin(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && !site.isBlank()) return "same-origin".equalsIgnoreCase(site.strip());
        String origin = ctx.header("Origin");
        if (origin == null || origin.isBlank()) return true;
        String host = ctx.header("Host");
        try {
            String authority = URI.create(origin.strip()).getRawAuthority();
            return host != null && authority != null && authority.equalsIgnoreCase(host.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
