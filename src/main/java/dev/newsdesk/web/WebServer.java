package dev.newsdesk.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.Closeable;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web companion: reader, ask and search, the JSON API and the admin insights, on Javalin (Jetty 12). Javalin
 * because it is small, well kept, needs no container and no annotation scanning, and nothing runs until
 * {@link #start()}. Every response carries a strict Content-Security-Policy: scripts and styles only from this
 * server's {@code /static/} files (shipped in the jar), no inline script, no framing, forms post only here.
 */
public final class WebServer implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    /** No inline script or style anywhere, nothing from elsewhere; pages cannot be framed. */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", CSP,
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "X-Frame-Options", "DENY",
            "Cross-Origin-Opener-Policy", "same-origin");
    /** Request line plus headers; a longer URL is refused by Jetty (431/414) before any handler runs. */
    static final int MAX_HEADER_BYTES = 8 * 1024;

    private final WebSettings settings;
    private final Javalin app;

    public WebServer(WebSettings settings, WebServices services) {
        this(settings, services, Clock.systemUTC());
    }

    WebServer(WebSettings settings, WebServices services, Clock clock) {
        this.settings = settings;
        RateLimiter asks = new RateLimiter(settings.asksPerMinute(), clock);
        ReaderPage reader = new ReaderPage(services.catalog());
        AskPage ask = new AskPage(services, asks);
        ApiRoutes api = new ApiRoutes(services, asks);
        InsightsPage insights = new InsightsPage(services.insights(), new AdminAuth(settings.adminToken()), clock);
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = settings.maxRequestBytes();
            config.jetty.modifyHttpConfiguration(http -> {
                http.setRequestHeaderSize(MAX_HEADER_BYTES);
                http.setSendServerVersion(false);
            });
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/dev/newsdesk/web/static";
                files.location = Location.CLASSPATH;
                files.headers = SECURITY_HEADERS;
            });
            config.routes.before(ctx -> SECURITY_HEADERS.forEach(ctx::header));
            config.routes.before(ctx -> {
                // refuse an announced oversized body before reading any of it (Javalin's own limit applies on read)
                if (ctx.contentLength() > settings.maxRequestBytes()) throw new TooLarge(settings.maxRequestBytes());
            });
            config.routes.after(ctx -> {
                // say the charset: a page without one may be sniffed as another encoding (a classic XSS vector)
                String type = ctx.res().getContentType();
                if (type != null && !type.contains("charset") && (type.startsWith("text/") || type.startsWith("application/json"))) {
                    ctx.contentType(type + "; charset=utf-8");
                }
            });
            config.routes.get("/a/{articleId}", ctx -> send(ctx, reader.article(ctx.pathParam("articleId"),
                    offset(ctx, "start"), offset(ctx, "end"))));
            config.routes.get("/p/{passageId}", ctx -> send(ctx, reader.passage(ctx.pathParam("passageId"),
                    offset(ctx, "start"), offset(ctx, "end"))));
            config.routes.get("/", ask::handle);
            api.register(config.routes);
            insights.register(config.routes);
            new FeedbackRoute(services.recorder()).register(config.routes);
            config.routes.exception(BadRequest.class, (e, ctx) -> {
                ctx.status(400);
                if (ctx.path().startsWith("/api/")) ApiRoutes.error(ctx, services.json(), 400, e.getMessage());
                else ctx.html(Html.page("Bad request", "<p class=\"error\">" + Html.text(e.getMessage()) + "</p>"));
            });
            config.routes.exception(TooLarge.class, (e, ctx) -> {
                ctx.status(413).header("Connection", "close");
                if (ctx.path().startsWith("/api/")) ApiRoutes.error(ctx, services.json(), 413, e.getMessage());
                else ctx.html(Html.page("Too large", "<p class=\"error\">" + Html.text(e.getMessage()) + "</p>"));
            });
            config.routes.exception(dev.newsdesk.retrieve.IndexUnavailableException.class, (e, ctx) -> {
                // the cluster is down or the index missing: say so (503), the next request tries again
                LOG.warn("request {}: search is unavailable: {}", ctx.path(), e.getMessage());
                ctx.status(503);
                String sentence = "Search is unavailable: " + e.getMessage().strip() + (e.getMessage().strip().endsWith(".") ? "" : ".");
                if (ctx.path().startsWith("/api/")) ApiRoutes.error(ctx, services.json(), 503, sentence);
                else ctx.html(Html.page("Search is unavailable", "<p class=\"error\">" + Html.text(sentence) + "</p>"));
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                // the detail goes to the log; the person gets a sentence, never a class name or stack trace
                LOG.warn("request {} failed", ctx.path(), e);
                ctx.status(500);
                String sentence = "Something went wrong on the server while answering this; try again, and if it keeps happening, check the server's log.";
                if (ctx.path().startsWith("/api/")) ApiRoutes.error(ctx, services.json(), 500, sentence);
                else ctx.html(Html.page("Error", "<p class=\"error\">" + Html.text(sentence) + "</p>"));
            });
            config.routes.error(404, ctx -> {
                if (Boolean.TRUE.equals(ctx.attribute(RENDERED))) return;
                String sentence = "There is no page at " + ctx.path() + ". Start from the ask page.";
                if (ctx.path().startsWith("/api/")) ApiRoutes.error(ctx, services.json(), 404, sentence);
                else ctx.html(Html.page("Not found", "<p class=\"error\">" + Html.text(sentence) + " <a href=\"/\">Ask</a></p>"));
            });
        });
    }

    /** A request body larger than {@code web.max-request-bytes}: 413 with a sentence. */
    static final class TooLarge extends RuntimeException {
        TooLarge(long max) {
            super("The request is larger than " + max + " bytes; nothing on this site takes more.");
        }
    }

    /** Thrown for bad parameters; becomes a 400 with the message, which names the bad value and the fix. */
    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }

    private static Integer offset(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return null;
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new BadRequest(name + "=" + v + " is not a character offset; use whole numbers as in the citation's start and end");
        }
    }

    private static void send(Context ctx, ReaderPage.Result page) {
        rendered(ctx);
        ctx.status(page.status()).html(page.html());
    }

    /** Set on a response whose 404 page was written by a route (the generic 404 page must not replace it). */
    static final String RENDERED = "newsdesk.rendered";

    static void rendered(Context ctx) {
        ctx.attribute(RENDERED, Boolean.TRUE);
    }

    /** Starts listening; returns this. */
    public WebServer start() {
        app.start(settings.bind(), settings.port());
        if (!settings.loopbackOnly()) {
            LOG.warn("web companion listens on {} (not loopback): anyone who can reach this address can use it", settings.bind());
        }
        return this;
    }

    /** The port listened on (useful with port 0). */
    public int port() {
        return app.port();
    }

    /** The address to open in a browser. */
    public String address() {
        String host = settings.bind().contains(":") ? "[" + settings.bind() + "]" : settings.bind();
        return "http://" + host + ":" + port() + "/";
    }

    @Override
    public void close() {
        app.stop();
    }
}
