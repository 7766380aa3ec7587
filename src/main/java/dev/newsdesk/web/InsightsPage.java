package dev.newsdesk.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;

/**
 * {@code /insights}, admins only (see {@link AdminAuth}): what the community asks and what the coverage misses,
 * drawn on the server as SVG ({@link SvgCharts}), so the page needs no script and no chart library.
 */
final class InsightsPage {
    static final int DAYS = 30;
    private final InsightsSource insights;
    private final AdminAuth auth;
    private final Clock clock;

    InsightsPage(InsightsSource insights, AdminAuth auth, Clock clock) {
        this.insights = insights;
        this.auth = auth;
        this.clock = clock;
    }

    void register(RoutesConfig routes) {
        routes.get("/insights", this::show);
        routes.get("/login", ctx -> ctx.html(loginPage(null)));
        routes.post("/login", this::login);
        routes.post("/logout", ctx -> {
            auth.clearSession(ctx);
            ctx.redirect("/", io.javalin.http.HttpStatus.SEE_OTHER);
        });
    }

    private void show(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        if (!auth.admitted(ctx)) {
            ctx.status(401).header("WWW-Authenticate", "Bearer realm=\"newsdesk insights\"").html(loginPage(auth.configured()
                    ? "Insights are for moderators: sign in with the admin token (or send it as a bearer header)."
                    : "Insights are off: set NEWSDESK_WEB_ADMIN_TOKEN (or web.admin-token-file) where the server runs, then sign in."));
            return;
        }
        java.time.LocalDate until = java.time.LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC));
        java.time.LocalDate since = until.minusDays(DAYS - 1);
        ctx.html(Html.page("Insights", InsightsView.render(insights.read(since, until), since, until, clock)));
    }

    private void login(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        if (!auth.tokenMatches(ctx.formParam("token"))) {
            ctx.status(401).html(loginPage(auth.configured() ? "That token is not the admin token; try again."
                    : "Insights are off: set NEWSDESK_WEB_ADMIN_TOKEN where the server runs."));
            return;
        }
        auth.setSession(ctx);
        ctx.redirect("/insights", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private static String loginPage(String message) {
        StringBuilder sb = new StringBuilder("<section class=\"login\"><h1>Insights sign-in</h1>");
        if (message != null) sb.append("<p class=\"error\" role=\"alert\">").append(Html.text(message)).append("</p>");
        sb.append("<form method=\"post\" action=\"/login\" id=\"login-form\"><label for=\"token\">Admin token</label>")
                .append("<input id=\"token\" name=\"token\" type=\"password\" autocomplete=\"current-password\" required>")
                .append("<button type=\"submit\">Sign in</button></form></section>");
        return Html.page("Sign in", sb.toString());
    }
}
