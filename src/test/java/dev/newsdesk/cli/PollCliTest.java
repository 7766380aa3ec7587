package dev.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.newsdesk.index.HeldIndexWriter;
import dev.newsdesk.index.IndexAssertions;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** sources add/list/disable and poll --once as a user runs them, against a feed served on loopback. */
@Timeout(120)
class PollCliTest {
    @TempDir
    Path tmp;

    private HttpServer server;
    private String base;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger items = new AtomicInteger(1);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        Files.createDirectories(tmp.resolve("config"));
        // no pause between requests: the test's server is local and alone
        Files.writeString(tmp.resolve("config/newsdesk.properties"), "sources.host-delay-ms=0\nsources.contact=https://example.org/ops\n");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        String inm = x.getRequestHeaders().getFirst("If-None-Match");
        requests.add(path + (inm == null ? "" : " inm=" + inm));
        String etag = "\"v" + items.get() + "\"";
        if (path.equals("/feed.xml")) {
            if (etag.equals(inm)) {
                send(x, 304, null, "", etag);
                return;
            }
            StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Harbour News</title>"
                    + "<link>" + base + "/</link><description>d</description>");
            for (int i = 1; i <= items.get(); i++) {
                b.append("<item><title>Story ").append(i).append("</title><link>").append(base).append("/2024/05/0").append(i)
                        .append("/story-").append(i).append("</link></item>");
            }
            send(x, 200, "application/rss+xml", b.append("</channel></rss>").toString(), etag);
        } else if (path.startsWith("/2024/05/")) {
            String n = path.substring(path.lastIndexOf('-') + 1);
            String topic = n.equals("1") ? "harbour ferry timetable" : "lighthouse restoration fund";
            send(x, 200, "text/html", "<html><head><title>Story " + n + "</title></head><body><article><h1>Story " + n
                    + "</h1><p>The " + topic + " was announced by the port authority on Thursday morning.</p>"
                    + "<p>Officials said the " + topic + " would take effect in June after a public consultation.</p>"
                    + "</article></body></html>", "\"p" + n + "\"");
        } else {
            send(x, 404, "text/plain", "not here", null);
        }
    }

    private static void send(HttpExchange x, int status, String type, String body, String etag) throws IOException {
        if (type != null) x.getResponseHeaders().add("Content-Type", type);
        if (etag != null) x.getResponseHeaders().add("ETag", etag);
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) try (OutputStream out = x.getResponseBody()) {
            out.write(b);
        }
        x.close();
    }

    private Cli.Result cli(String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--home";
        all[args.length + 1] = tmp.toString();
        all[args.length + 2] = "--index";
        all[args.length + 3] = tmp.resolve("index").toString();
        return Cli.run(all).assertNoStackTrace();
    }

    @Test
    void addAFeedPollItTwiceAndAskAboutIt() throws IOException {
        Cli.Result add = cli("sources", "add", base + "/feed.xml", "--outlet", "Harbour News", "--interval", "15m");
        assertThat(add.status()).as(add.toString()).isZero();
        assertThat(add.err()).contains("added feed " + base + "/feed.xml (every 15m, outlet Harbour News)");
        assertThat(Files.readString(tmp.resolve("config/sources.json"))).contains("\"interval_minutes\" : 15");

        Cli.Result first = cli("poll", "--once", "--json");
        assertThat(first.status()).as(first.toString()).isZero();
        JsonNode s = first.json().path("sources").get(0);
        assertThat(s.path("url").asText()).isEqualTo(base + "/feed.xml");
        assertThat(s.path("status").asText()).isEqualTo("ok");
        assertThat(s.path("new").asInt()).isEqualTo(1);
        assertThat(s.path("articles").get(0).path("outlet").asText()).isEqualTo("Harbour News");
        assertThat(s.path("articles").get(0).path("published").asText()).isEqualTo("2024-05-01");
        assertThat(s.path("articles").get(0).path("dated_by").asText()).isEqualTo("url");
        assertThat(IndexAssertions.articleIds(tmp.resolve("index"))).hasSize(1);
        assertThat(requests).contains("/feed.xml", "/2024/05/01/story-1");

        Cli.Result ask = cli("search", "harbour ferry timetable");
        assertThat(ask.status()).as(ask.toString()).isZero();
        assertThat(ask.out()).contains("Story 1");

        // unchanged feed: one conditional request, no article page again
        requests.clear();
        Cli.Result second = cli("poll", "--once", "--json");
        assertThat(second.status()).as(second.toString()).isZero();
        assertThat(second.json().path("sources").get(0).path("status").asText()).isEqualTo("not-modified");
        assertThat(requests).filteredOn(r -> !r.startsWith("/robots.txt")).containsExactly("/feed.xml inm=\"v1\"");

        // a new item: exactly one new page fetch
        items.set(2);
        requests.clear();
        Cli.Result third = cli("poll", "--once");
        assertThat(third.status()).as(third.toString()).isZero();
        assertThat(third.out()).contains("ok " + base + "/feed.xml: 1 new, 0 updated, 1 unchanged");
        assertThat(requests).filteredOn(r -> r.startsWith("/2024/")).containsExactly("/2024/05/02/story-2");

        Cli.Result list = cli("sources", "list", "--json");
        JsonNode row = list.json().path("sources").get(0);
        assertThat(row.path("articles_taken").asInt()).isEqualTo(2);
        assertThat(row.path("consecutive_failures").asInt()).isZero();
        assertThat(row.path("last_success").asText()).isNotBlank();
        assertThat(row.path("next_poll").asText()).isNotBlank();
        assertThat(cli("sources", "list").out()).contains("every 15m").contains("articles taken 2").contains("failures in a row 0");

        assertThat(cli("sources", "disable", base + "/feed.xml").status()).isZero();
        Cli.Result none = cli("poll", "--once");
        assertThat(none.status()).isEqualTo(2);
        assertThat(none.err()).contains("no sources to poll");
        assertThat(cli("sources", "list").out()).contains("[disabled]");
        assertThat(cli("sources", "remove", base + "/feed.xml").status()).isZero();
        assertThat(cli("sources", "list").out()).contains("No sources yet");
    }

    @Test
    void aFailedSourceExits4WithItsReasonAndTheOthersAreIndexed() {
        Cli.Result r = cli("poll", "--once", "--feed", base + "/feed.xml", "--feed", base + "/missing.xml");
        assertThat(r.status()).as(r.toString()).isEqualTo(Main.EXIT_PARTIAL);
        assertThat(r.err()).contains("failed " + base + "/missing.xml: ").contains("HTTP 404");
        assertThat(IndexAssertions.articleIds(tmp.resolve("index"))).hasSize(1);

        Cli.Result list = cli("sources", "add", "ftp://example.org/feed");
        assertThat(list.status()).isEqualTo(2);
        assertThat(cli("sources", "add", base + "/x.xml", "--interval", "soon").err()).contains("--interval soon is not a duration");
    }

    @Test
    void aSourceFailingTooOftenBacksOffAndIsFlagged() {
        assertThat(cli("sources", "add", base + "/dead.xml").status()).isZero();
        for (int i = 1; i <= 3; i++) {
            Cli.Result r = cli("poll", "--once", "--json");
            assertThat(r.status()).as(r.toString()).isEqualTo(Main.EXIT_PARTIAL);
            assertThat(r.json().path("sources").get(0).path("status").asText()).isEqualTo("failed");
        }
        assertThat(cli("sources", "list", "--json").json().path("sources").get(0).path("backing_off").asBoolean()).isTrue();
        requests.clear();
        Cli.Result waiting = cli("poll", "--once", "--json");
        assertThat(waiting.status()).isEqualTo(Main.EXIT_PARTIAL);
        JsonNode s = waiting.json().path("sources").get(0);
        assertThat(s.path("status").asText()).isEqualTo("backing-off");
        assertThat(s.path("error").asText()).contains("failed 3 times in a row").contains("HTTP 404").contains("next try at");
        assertThat(requests).as("not asked while backing off").isEmpty();
        assertThat(cli("sources", "list").out()).contains("[backing off]").contains("failures in a row 3")
                .contains("last error: HTTP 404");
    }

    @Test
    void anIndexHeldByTheBotIsNamedAndNothingIsWritten() throws IOException {
        assertThat(cli("poll", "--once", "--feed", base + "/feed.xml").status()).isZero();
        items.set(2);
        try (HeldIndexWriter held = HeldIndexWriter.open(tmp.resolve("index"), null)) {
            Cli.Result r = cli("poll", "--once", "--feed", base + "/feed.xml");
            assertThat(r.status()).as(r.toString()).isEqualTo(Main.EXIT_ERROR);
            assertThat(r.err()).contains("the index at " + tmp.resolve("index")
                    + " is open for writing by another newsdesk process (the bot?); stop it or poll from the bot");
        }
        // nothing was remembered as seen: the next poll takes the new story
        Cli.Result after = cli("poll", "--once", "--feed", base + "/feed.xml");
        assertThat(after.out()).contains("1 new");
        assertThat(IndexAssertions.articleIds(tmp.resolve("index"))).hasSize(2);
    }

    @Test
    void thePollingLoopRunsPassesOnItsOwn() {
        Cli.Result r = cli("poll", "--feed", base + "/feed.xml", "--passes", "2", "--json");
        assertThat(r.status()).as(r.toString()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.getFirst()).contains("\"new\":1");
        assertThat(lines.get(1)).isEqualTo("{\"sources\":[]}"); // not due again for 30 minutes: not polled
        assertThat(r.err()).contains("polling 1 sources");
    }
}
