package dev.newsdesk.web;

import dev.newsdesk.answer.Answer;
import dev.newsdesk.answer.Question;
import dev.newsdesk.retrieve.ArticleView;
import dev.newsdesk.retrieve.Hit;
import dev.newsdesk.retrieve.SearchRequest;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The JSON API beside the pages, in the CLI's shapes: {@code /api/ask} ({@code ask --json}), {@code /api/search}
 * ({@code search --json}), {@code /api/articles/{id}} ({@code cite --json}), and {@code /openapi.json}.
 * Errors are {@code {"error": "a sentence"}} with the matching status.
 */
final class ApiRoutes {
    private final WebServices services;
    private final RateLimiter asks;
    private final String openApi;

    ApiRoutes(WebServices services, RateLimiter asks) {
        this.services = services;
        this.asks = asks;
        this.openApi = resource("openapi.json");
    }

    record ErrorBody(String error) {}

    void register(RoutesConfig routes) {
        routes.get("/api/ask", this::ask);
        routes.get("/api/search", this::search);
        routes.get("/api/articles/{id}", this::article);
        routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
    }

    private void ask(Context ctx) {
        if (!asks.allow(Params.client(ctx))) {
            tooMany(ctx);
            error(ctx, services.json(), 429, AskPage.tooManySentence(asks));
            return;
        }
        Question q = question(Params.query(ctx), ctx);
        WebServices.Answered a = services.ask(q);
        ctx.contentType("application/json").result(services.json().answer(a.answer(), a.id()));
    }

    static Question question(String text, Context ctx) {
        try {
            return new Question(text, Params.filters(ctx), List.of());
        } catch (IllegalArgumentException e) {
            throw new WebServer.BadRequest(e.getMessage() + (text.isEmpty() ? " (the q parameter)" : ""));
        }
    }

    static void tooMany(Context ctx) {
        ctx.header("Retry-After", "60");
    }

    private void search(Context ctx) {
        String q = Params.query(ctx);
        if (q.isEmpty()) throw new WebServer.BadRequest("the q parameter is empty; give words to search for, e.g. /api/search?q=Blinken");
        if (q.length() > Question.MAX_CHARS) throw new WebServer.BadRequest("q is " + q.length() + " characters long; keep it under " + Question.MAX_CHARS);
        List<Hit> hits = services.retriever().search(new SearchRequest(q, Params.filters(ctx), Params.limit(ctx, 10)));
        ctx.contentType("application/json").result(services.json().search(q, hits));
    }

    private void article(Context ctx) {
        String id = ctx.pathParam("id");
        Optional<ArticleView> a = services.catalog().article(id);
        if (a.isEmpty()) {
            error(ctx, services.json(), 404, "No article has the id '" + id + "'; find ids with /api/search?q=WORDS");
            return;
        }
        ctx.contentType("application/json").result(services.json().value(a.get()));
    }

    static void error(Context ctx, ApiJson json, int status, String sentence) {
        WebServer.rendered(ctx);
        ctx.status(status).contentType("application/json").result(json.value(new ErrorBody(sentence)));
    }

    private static String resource(String name) {
        try (InputStream in = ApiRoutes.class.getResourceAsStream("/dev/newsdesk/web/" + name)) {
            if (in == null) throw new IllegalStateException("the jar lacks dev/newsdesk/web/" + name + "; rebuild it with mvn package");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read dev/newsdesk/web/" + name + " from the jar: " + e.getMessage(), e);
        }
    }
}
