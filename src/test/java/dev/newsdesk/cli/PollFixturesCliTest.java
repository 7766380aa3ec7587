package dev.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.newsdesk.index.IndexAssertions;
import dev.newsdesk.retrieve.Hit;
import dev.newsdesk.retrieve.LuceneCatalog;
import dev.newsdesk.retrieve.LuceneIndex;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Item 6's fixtures through {@code poll --once} into a real index: Atom with ETag, RSS 1.0 with Last-Modified only,
 * an XML sitemap and a Google News sitemap, and a feed whose items are hostile (50 MB, HTTP 500, a redirect chain
 * and a loop, a page that never answers, a robots.txt-disallowed path, a utm_ duplicate, a gzip page). Asserts what
 * is indexed, what is skipped and why, and which requests were sent.
 */
@Timeout(120)
class PollFixturesCliTest {
    private static final String LAST_MODIFIED = "Tue, 07 May 2024 08:00:00 GMT";
    private static final String[] WORDS = ("harbour ferry council budget school library bridge river storm flood "
            + "election mayor hospital nurse train station airport runway factory workers strike museum painting "
            + "festival music farmer harvest drought wildfire forest police court judge verdict tax rent housing "
            + "tenant market bakery football stadium coach league vaccine clinic doctor teacher pupil exam science "
            + "rocket satellite telescope planet ocean whale fishing boat lighthouse").split(" ");

    @TempDir
    Path tmp;

    private HttpServer server;
    private String base;
    /** "path If-None-Match If-Modified-Since" of every request. */
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile String atomVersion = "1";
    private volatile boolean atomSecondEntry;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(6)); // a hanging handler must not hold up the rest
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        Files.createDirectories(tmp.resolve("config"));
        Files.writeString(tmp.resolve("config/newsdesk.properties"), """
                sources.host-delay-ms=0
                sources.read-timeout-seconds=1
                sources.fetch-timeout-seconds=10
                sources.contact=https://example.org/ops
                """);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** Distinct text for each article (near-duplicate folding must not merge them), with a marker phrase. */
    private static String body(String slug, String marker) {
        Random r = new Random(slug.hashCode());
        StringBuilder b = new StringBuilder("<p>The " + slug.replace('-', ' ') + " story, " + marker + ", begins here.</p><p>");
        for (int i = 1; i <= 60; i++) {
            b.append(WORDS[r.nextInt(WORDS.length)]).append(i % 12 == 0 ? ". " : " ");
            if (i % 24 == 0) b.append("</p><p>The reporters wrote more. ");
        }
        return b.append("</p>").toString();
    }

    private static String page(String slug, String marker) {
        return "<html><head><title>" + slug + "</title><meta property=\"og:site_name\" content=\"Fixture Times\"></head>"
                + "<body><nav>Home | World | Subscribe</nav><article><h1>" + slug + "</h1>" + body(slug, marker)
                + "</article></body></html>";
    }

    private void handle(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        String inm = x.getRequestHeaders().getFirst("If-None-Match");
        String ims = x.getRequestHeaders().getFirst("If-Modified-Since");
        requests.add(x.getRequestURI() + (inm == null ? "" : " inm=" + inm) + (ims == null ? "" : " ims=" + ims));
        switch (path) {
            case "/robots.txt" -> send(x, 200, "text/plain", "User-agent: *\nDisallow: /private/\n", null, null);
            case "/atom.xml" -> {
                String etag = "\"a" + atomVersion + (atomSecondEntry ? "b" : "") + "\"";
                if (etag.equals(inm)) {
                    send(x, 304, null, "", etag, null);
                    return;
                }
                String updated = atomVersion.equals("1") ? "2024-05-07T08:00:00Z" : "2024-05-08T09:30:00Z";
                send(x, 200, "application/atom+xml", """
                        <?xml version="1.0" encoding="utf-8"?>
                        <feed xmlns="http://www.w3.org/2005/Atom"><title>Fixture Atom</title><id>urn:f</id>
                        <updated>%2$s</updated>
                        <entry><title>Atom one</title><link href="%1$s/news/atom-one"/><id>urn:1</id>
                          <published>2024-05-07T08:00:00Z</published><updated>%2$s</updated></entry>
                        %3$s
                        </feed>""".formatted(base, updated, atomSecondEntry
                        ? "<entry><title>Atom two</title><link href=\"" + base + "/news/atom-two\"/><id>urn:2</id>"
                        + "<updated>2024-05-08T10:00:00Z</updated></entry>" : ""), etag, null);
            }
            case "/rdf.xml" -> {
                if (LAST_MODIFIED.equals(ims)) {
                    send(x, 304, null, "", null, LAST_MODIFIED);
                    return;
                }
                send(x, 200, "application/rdf+xml", """
                        <?xml version="1.0"?>
                        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                                 xmlns:dc="http://purl.org/dc/elements/1.1/">
                          <channel rdf:about="%1$s/rdf.xml"><title>Fixture RDF</title><link>%1$s/</link><description>d</description>
                            <items><rdf:Seq><rdf:li rdf:resource="%1$s/news/rdf-one"/></rdf:Seq></items></channel>
                          <item rdf:about="%1$s/news/rdf-one"><title>RDF one</title><link>%1$s/news/rdf-one</link>
                            <dc:date>2024-05-06T12:00:00Z</dc:date></item>
                        </rdf:RDF>""".formatted(base), null, LAST_MODIFIED);
            }
            case "/sitemap.xml" -> send(x, 200, "application/xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                      <url><loc>%1$s/news/sitemap-one</loc><lastmod>2024-05-05</lastmod></url>
                    </urlset>""".formatted(base), null, null);
            case "/news-sitemap.xml" -> send(x, 200, "application/xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
                      <url><loc>%1$s/news/gnews-one</loc><news:news>
                        <news:publication><news:name>Google News Fixture</news:name><news:language>en</news:language></news:publication>
                        <news:publication_date>2024-05-04T07:00:00Z</news:publication_date>
                        <news:title>Google news one</news:title></news:news></url>
                    </urlset>""".formatted(base), null, null);
            case "/hostile.xml" -> {
                StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Hostile</title>"
                        + "<link>" + base + "/</link><description>d</description>");
                for (String link : List.of("/news/big", "/news/error", "/news/hop1", "/news/loop", "/news/hang",
                        "/private/secret", "/news/plain", "/news/plain?utm_source=rss&utm_medium=feed", "/news/gzipped")) {
                    b.append("<item><title>").append(link).append("</title><link>").append(base)
                            .append(link.replace("&", "&amp;")).append("</link></item>");
                }
                send(x, 200, "application/rss+xml", b.append("</channel></rss>").toString(), null, null);
            }
            case "/news/big" -> {
                x.getResponseHeaders().add("Content-Type", "text/html");
                x.sendResponseHeaders(200, 0); // chunked: no length to refuse up front, the cap must stop the stream
                try (OutputStream out = x.getResponseBody()) {
                    byte[] chunk = new byte[1 << 20];
                    java.util.Arrays.fill(chunk, (byte) 'a');
                    for (int i = 0; i < 50; i++) out.write(chunk);
                } catch (IOException e) {
                    // the client hung up at the cap: expected
                }
            }
            case "/news/error" -> send(x, 500, "text/plain", "boom", null, null);
            case "/news/hop1" -> redirect(x, "/news/hop2");
            case "/news/hop2" -> redirect(x, base + "/news/landed");
            case "/news/loop" -> redirect(x, "/news/loop");
            case "/news/hang" -> {
                try {
                    Thread.sleep(3000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                send(x, 200, "text/html", page("hang", "late"), null, null);
            }
            case "/news/gzipped" -> {
                ByteArrayOutputStream z = new ByteArrayOutputStream();
                try (GZIPOutputStream g = new GZIPOutputStream(z)) {
                    g.write(page("gzipped", "squeezed").getBytes(StandardCharsets.UTF_8));
                }
                x.getResponseHeaders().add("Content-Type", "text/html");
                x.getResponseHeaders().add("Content-Encoding", "gzip");
                x.sendResponseHeaders(200, z.size());
                try (OutputStream out = x.getResponseBody()) {
                    out.write(z.toByteArray());
                }
                x.close();
            }
            case "/news/atom-one" -> {
                String etag = "\"p" + atomVersion + "\"";
                if (etag.equals(inm)) {
                    send(x, 304, null, "", etag, null);
                    return;
                }
                send(x, 200, "text/html", page("atom-one", atomVersion.equals("1") ? "first version" : "corrected version"), etag, null);
            }
            default -> {
                if (path.startsWith("/news/")) send(x, 200, "text/html", page(path.substring(6), "plain"), null, null);
                else send(x, 404, "text/plain", "not here", null, null);
            }
        }
    }

    private static void redirect(HttpExchange x, String to) throws IOException {
        x.getResponseHeaders().add("Location", to);
        x.sendResponseHeaders(302, -1);
        x.close();
    }

    private static void send(HttpExchange x, int status, String type, String body, String etag, String lastModified)
            throws IOException {
        if (type != null) x.getResponseHeaders().add("Content-Type", type);
        if (etag != null) x.getResponseHeaders().add("ETag", etag);
        if (lastModified != null) x.getResponseHeaders().add("Last-Modified", lastModified);
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) try (OutputStream out = x.getResponseBody()) {
            out.write(b);
        }
        x.close();
    }

    private Cli.Result poll(String... feeds) {
        List<String> args = new ArrayList<>(List.of("poll", "--once", "--json", "--home", tmp.toString(),
                "--index", tmp.resolve("index").toString()));
        for (String f : feeds) {
            args.add("--feed");
            args.add(base + f);
        }
        return Cli.run(args.toArray(String[]::new)).assertNoStackTrace();
    }

    private static Map<String, JsonNode> bySource(Cli.Result r, String base) {
        Map<String, JsonNode> out = new HashMap<>();
        for (JsonNode s : r.json().path("sources")) out.put(s.path("url").asText().substring(base.length()), s);
        return out;
    }

    private static Map<String, String> skipped(JsonNode source, String base) {
        Map<String, String> out = new HashMap<>();
        for (JsonNode k : source.path("skipped")) out.put(k.path("url").asText().replace(base, ""), k.path("reason").asText());
        return out;
    }

    private List<Hit> passages(String articleUrl) throws IOException {
        try (LuceneIndex idx = LuceneIndex.open(tmp.resolve("index"))) {
            LuceneCatalog c = new LuceneCatalog(idx);
            for (String id : c.articleIds()) {
                if (articleUrl.equals(c.article(id).orElseThrow().url())) return c.passagesOf(id);
            }
        }
        return List.of();
    }

    @Test
    void feedsAndSitemapsAreReadAndAskedForConditionally() throws IOException {
        Cli.Result first = poll("/atom.xml", "/rdf.xml", "/sitemap.xml", "/news-sitemap.xml");
        assertThat(first.status()).as(first.toString()).isZero();
        Map<String, JsonNode> s = bySource(first, base);
        for (String feed : List.of("/atom.xml", "/rdf.xml", "/sitemap.xml", "/news-sitemap.xml")) {
            assertThat(s.get(feed).path("status").asText()).as(feed).isEqualTo("ok");
            assertThat(s.get(feed).path("new").asInt()).as(feed).isEqualTo(1);
        }
        JsonNode gnews = s.get("/news-sitemap.xml").path("articles").get(0);
        assertThat(gnews.path("published").asText()).isEqualTo("2024-05-04");
        assertThat(gnews.path("dated_by").asText()).isEqualTo("feed");
        assertThat(s.get("/rdf.xml").path("articles").get(0).path("published").asText()).isEqualTo("2024-05-06");
        assertThat(IndexAssertions.articleIds(tmp.resolve("index"))).hasSize(4);
        assertThat(passages(base + "/news/atom-one")).extracting(Hit::text).anyMatch(t -> t.contains("first version"))
                .noneMatch(t -> t.contains("Subscribe"));

        // Second pass, nothing changed: conditional requests for the feeds that gave validators, no article page again.
        requests.clear();
        Cli.Result second = poll("/atom.xml", "/rdf.xml", "/sitemap.xml", "/news-sitemap.xml");
        assertThat(second.status()).as(second.toString()).isZero();
        s = bySource(second, base);
        assertThat(s.get("/atom.xml").path("status").asText()).isEqualTo("not-modified");
        assertThat(s.get("/rdf.xml").path("status").asText()).isEqualTo("not-modified");
        assertThat(requests).contains("/atom.xml inm=\"a1\"", "/rdf.xml ims=" + LAST_MODIFIED)
                .noneMatch(r -> r.startsWith("/news/"));

        // The Atom entry updated in place (new <updated>, new page text), and a second entry: the page is asked for
        // again conditionally, answered with the new text, and its old passages are gone; one new page fetched.
        atomVersion = "2";
        atomSecondEntry = true;
        requests.clear();
        Cli.Result third = poll("/atom.xml");
        JsonNode atom = bySource(third, base).get("/atom.xml");
        assertThat(atom.path("updated").asInt()).as(third.toString()).isEqualTo(1);
        assertThat(atom.path("new").asInt()).isEqualTo(1);
        assertThat(requests).filteredOn(r -> r.startsWith("/news/"))
                .containsExactlyInAnyOrder("/news/atom-one inm=\"p1\"", "/news/atom-two");
        assertThat(passages(base + "/news/atom-one")).extracting(Hit::text)
                .anyMatch(t -> t.contains("corrected version")).noneMatch(t -> t.contains("first version"));
        assertThat(IndexAssertions.articleIds(tmp.resolve("index"))).hasSize(5);
        IndexAssertions.assertCheckIndexClean(tmp.resolve("index"));
    }

    @Test
    void hostileItemsAreSkippedWithTheirReasonAndTheRestIsIndexed() throws IOException {
        Cli.Result r = poll("/hostile.xml", "/broken-feed-404.xml");
        assertThat(r.status()).as(r.toString()).isEqualTo(Main.EXIT_PARTIAL);
        assertThat(r.err()).contains("failed " + base + "/broken-feed-404.xml: HTTP 404");
        JsonNode hostile = bySource(r, base).get("/hostile.xml");
        assertThat(hostile.path("status").asText()).isEqualTo("ok");
        Map<String, String> skipped = skipped(hostile, base);
        assertThat(skipped.get("/news/big")).contains("over 10485760 bytes");
        assertThat(skipped.get("/news/error")).contains("HTTP 500");
        assertThat(skipped.get("/news/loop")).contains("redirect loop at " + base + "/news/loop");
        assertThat(skipped.get("/news/hang")).contains("no response within 1000 ms");
        assertThat(skipped.get("/private/secret")).contains("robots.txt");
        assertThat(skipped).hasSize(5);
        // plain, the redirect chain's landing page and the gzip page; the utm_ copy is the same article
        assertThat(hostile.path("new").asInt()).isEqualTo(3);
        assertThat(hostile.path("unchanged").asInt()).isEqualTo(1);
        assertThat(requests).noneMatch(q -> q.startsWith("/private/"))
                .noneMatch(q -> q.contains("utm_")).contains("/news/hop1", "/news/hop2", "/news/landed");
        assertThat(passages(base + "/news/landed")).isNotEmpty();
        assertThat(passages(base + "/news/gzipped")).extracting(Hit::text).anyMatch(t -> t.contains("squeezed"));
        assertThat(passages(base + "/news/plain")).isNotEmpty();
        assertThat(IndexAssertions.articleIds(tmp.resolve("index"))).hasSize(3);

        // the next pass retries what may recover (500, time-out), not what is gone or forbidden
        requests.clear();
        poll("/hostile.xml");
        assertThat(requests).contains("/news/error", "/news/hang").doesNotContain("/news/plain", "/news/gzipped")
                .noneMatch(q -> q.startsWith("/private/"));
    }
}
