package dev.newsdesk.sources;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.newsdesk.ingest.Article;
import dev.newsdesk.ingest.Cleaner;
import dev.newsdesk.ingest.ContentHash;
import dev.newsdesk.ingest.DocumentReader;
import dev.newsdesk.ingest.IngestLimits;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The poller against a real HTTP server on loopback: what is fetched, what is skipped and why, what is asked again. */
@Timeout(60)
class PollerHttpTest {
    private static final String BODY = "<p>The city council approved the new budget for parks and libraries on Monday evening.</p>"
            + "<p>Council members said three branch libraries will open next year and playgrounds will be repaired.</p>";

    @TempDir
    Path tmp;

    private HttpServer server;
    private String base;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, String> ifNoneMatch = new ConcurrentHashMap<>();
    private final Map<String, Article> index = new HashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4)); // a hanging handler must not block the rest
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange x) throws IOException {
        String path = x.getRequestURI().toString();
        requests.add(path);
        String inm = x.getRequestHeaders().getFirst("If-None-Match");
        if (inm != null) ifNoneMatch.put(path, inm);
        switch (x.getRequestURI().getPath()) {
            case "/robots.txt" -> send(x, 200, "text/plain", "User-agent: *\nDisallow: /private/\n", null);
            case "/feed.xml" -> {
                if ("\"f1\"".equals(inm)) {
                    send(x, 304, null, null, "\"f1\"");
                    return;
                }
                send(x, 200, "application/rss+xml", """
                        <?xml version="1.0"?>
                        <rss version="2.0"><channel><title>Town</title><link>%1$s/</link><description>d</description>
                        <item><title>Budget approved</title><link>%1$s/2022/12/21/budget</link><pubDate>Wed, 21 Dec 2022 10:00:00 GMT</pubDate></item>
                        <item><title>Budget again</title><link>%1$s/2022/12/21/budget?utm_source=rss&amp;fbclid=x</link></item>
                        <item><title>Secret</title><link>%1$s/private/memo</link></item>
                        <item><title>Elsewhere</title><link>http://localhost:%2$d/other</link></item>
                        <item><title>Missing</title><link>%1$s/gone</link></item>
                        </channel></rss>""".formatted(base, server.getAddress().getPort()), "\"f1\"");
            }
            case "/2022/12/21/budget" -> send(x, 200, "text/html", """
                    <html><head><link rel="canonical" href="%s/2022/12/21/budget?utm_campaign=z">
                    <meta property="og:site_name" content="Town Crier">
                    <script type="application/ld+json">{"@type":"NewsArticle","headline":"Council approves budget",
                    "datePublished":"2022-12-20T23:30:00-05:00","author":{"name":"Ann Lee"}}</script></head>
                    <body><article>%s</article></body></html>""".formatted(base, BODY), "\"p1\"");
            case "/page.html" -> send(x, 200, "text/html", "<html><body><article>" + BODY + "</article></body></html>", null);
            case "/html-feed" -> send(x, 200, "text/html", "<!DOCTYPE html><html><body>hello</body></html>", null);
            case "/broken.xml" -> send(x, 200, "application/rss+xml", "<rss><channel><item><title>x</title></chan", null);
            case "/loop" -> redirect(x, "/loop2");
            case "/loop2" -> redirect(x, "/loop");
            case "/hang" -> {
                try {
                    Thread.sleep(5000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                send(x, 200, "text/plain", "late", null);
            }
            case "/big" -> {
                x.sendResponseHeaders(200, 0); // chunked: no length to refuse up front, so the cap must stop the stream
                try (OutputStream out = x.getResponseBody()) {
                    byte[] chunk = new byte[1 << 20];
                    java.util.Arrays.fill(chunk, (byte) 'a');
                    for (int i = 0; i < 50; i++) out.write(chunk);
                } catch (IOException e) {
                    // the client hung up at the cap: expected
                }
            }
            default -> send(x, 404, "text/plain", "not here", null);
        }
    }

    private static void redirect(HttpExchange x, String to) throws IOException {
        x.getResponseHeaders().add("Location", to);
        x.sendResponseHeaders(302, -1);
        x.close();
    }

    private static void send(HttpExchange x, int status, String type, String body, String etag) throws IOException {
        if (type != null) x.getResponseHeaders().add("Content-Type", type);
        if (etag != null) x.getResponseHeaders().add("ETag", etag);
        byte[] b = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(status, status == 304 || b.length == 0 ? -1 : b.length);
        if (b.length > 0) try (OutputStream out = x.getResponseBody()) {
            out.write(b);
        }
        x.close();
    }

    private Poller poller(FetchSettings settings, List<Source> sources) throws IOException {
        PoliteFetcher fetcher = new PoliteFetcher(settings, AllowedHosts.of(sources.stream().map(Source::url).toList()));
        return new Poller(fetcher, new PageReader(new DocumentReader(IngestLimits.DEFAULTS, new Cleaner())),
                PollState.load(tmp.resolve(PollState.FILE)), tmp.resolve(PollState.FILE), settings, Clock.systemUTC());
    }

    private static FetchSettings fast() {
        return new FetchSettings("https://example.org/contact", Duration.ZERO, Duration.ofSeconds(2), Duration.ofMillis(500),
                Duration.ofSeconds(5), 10L * 1024 * 1024, 5, 3, 100, 2);
    }

    private Map<String, Poller.Indexer.Outcome> index(List<Article> articles) {
        Map<String, Poller.Indexer.Outcome> out = new HashMap<>();
        for (Article a : articles) {
            Article old = index.put(a.id(), a);
            out.put(a.id(), old == null ? Poller.Indexer.Outcome.ADDED
                    : ContentHash.of(old).equals(ContentHash.of(a)) ? Poller.Indexer.Outcome.UNCHANGED : Poller.Indexer.Outcome.UPDATED);
        }
        return out;
    }

    @Test
    void feedIsReadPolitelyAndASecondPollOnlyAsksConditionally() throws IOException {
        List<Source> sources = List.of(new Source(base + "/feed.xml", Source.Kind.FEED, "Fallback", null, true));
        PollReport first = poller(fast(), sources).poll(sources, false, this::index);

        PollReport.SourceReport r = first.sources().getFirst();
        assertThat(r.status()).isEqualTo(PollReport.Status.OK);
        assertThat(r.added()).isEqualTo(1);
        assertThat(r.unchanged()).isEqualTo(1); // the tracking-parameter duplicate: not fetched
        assertThat(r.skipped()).extracting(PollReport.Skip::reason)
                .anySatisfy(s -> assertThat(s).contains("disallowed by 127.0.0.1's robots.txt"))
                .anySatisfy(s -> assertThat(s).contains("host localhost is not one of the sources' hosts"))
                .anySatisfy(s -> assertThat(s).contains("HTTP 404"));
        assertThat(requests).doesNotContain("/private/memo").doesNotContain("/other")
                .containsOnlyOnce("/2022/12/21/budget");
        Article a = index.values().iterator().next();
        assertThat(a.title()).isEqualTo("Council approves budget");
        assertThat(a.outlet()).isEqualTo("Town Crier");
        assertThat(a.author()).isEqualTo("Ann Lee");
        assertThat(a.published()).isEqualTo(LocalDate.of(2022, 12, 20)); // JSON-LD beats the feed and the URL path
        assertThat(a.url()).isEqualTo(base + "/2022/12/21/budget");
        assertThat(r.articles().getFirst().datedBy()).isEqualTo("json-ld");

        requests.clear();
        PollReport second = poller(fast(), sources).poll(sources, false, this::index);
        assertThat(second.sources().getFirst().status()).isEqualTo(PollReport.Status.NOT_MODIFIED);
        // robots.txt is cached per fetcher (an hour); this pass uses a new fetcher, so it is read again
        assertThat(requests).containsExactly("/robots.txt", "/feed.xml");
        assertThat(ifNoneMatch).containsEntry("/feed.xml", "\"f1\"");
    }

    @Test
    void brokenSourcesFailWithTheirReasonAndDoNotStopTheOthers() throws IOException {
        List<Source> sources = List.of(
                new Source(base + "/html-feed", Source.Kind.FEED, null, null, true),
                new Source(base + "/broken.xml", Source.Kind.FEED, null, null, true),
                new Source(base + "/missing.xml", Source.Kind.FEED, null, null, true),
                new Source(base + "/loop", Source.Kind.FEED, null, null, true),
                new Source(base + "/hang", Source.Kind.FEED, null, null, true),
                new Source(base + "/big", Source.Kind.PAGE, null, null, true),
                new Source(base + "/page.html", Source.Kind.PAGE, "Town Crier", null, true));
        // progress: each source counts once it has been fetched, failed ones too, so the count ends at the total
        List<String> fetched = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        PollReport report = poller(fast(), sources).poll(sources, false, this::index, (done, total) -> fetched.add(done + "/" + total));
        assertThat(fetched).hasSize(7).contains("7/7").allMatch(f -> f.endsWith("/7"));
        Map<String, String> errors = new HashMap<>();
        for (PollReport.SourceReport s : report.sources()) errors.put(s.url().substring(base.length()), String.valueOf(s.error()));
        assertThat(errors.get("/html-feed")).contains("is an HTML page, not a feed");
        assertThat(errors.get("/broken.xml")).contains("malformed feed");
        assertThat(errors.get("/missing.xml")).contains("HTTP 404");
        assertThat(errors.get("/loop")).contains("redirect loop");
        assertThat(errors.get("/hang")).contains("no response within 500 ms");
        assertThat(errors.get("/big")).contains("over 10485760 bytes");
        assertThat(report.failed()).hasSize(6);
        PollReport.SourceReport page = report.sources().getLast();
        assertThat(page.status()).isEqualTo(PollReport.Status.OK);
        assertThat(page.added()).isEqualTo(1);
        assertThat(page.articles().getFirst().datedBy()).isEqualTo("crawl");
        assertThat(page.articles().getFirst().article().outlet()).isEqualTo("Town Crier");
    }

    @Test
    void trackingParametersAreNotIdentity() {
        assertThat(Urls.canonical("HTTP://Example.com:80/a?utm_source=x&id=3&fbclid=y#top")).isEqualTo("http://example.com/a?id=3");
    }
}
