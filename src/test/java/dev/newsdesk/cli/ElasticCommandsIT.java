package dev.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.newsdesk.discord.FakeDiscord;
import dev.newsdesk.index.elastic.ElasticCluster;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The commands beyond ingest/search/ask on a real 3-node cluster: summary, compare, timeline, cite and search
 * (snippets included) print exactly what they print embedded; poll writes into the cluster index (state file kept
 * locally); bench ingest and bench search --plan measure the cluster and name it; the bot told "Search is
 * unavailable" while the cluster index is missing answers with citations once it is ingested, without a restart.
 */
@ExtendWith(ElasticCluster.Shared.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ElasticCommandsIT {
    private ElasticCluster cluster;
    private Path root;
    private Path corpus;
    private Path embedded;
    private Path clustered;

    @BeforeAll
    void indexBoth(ElasticCluster cluster) throws Exception {
        this.cluster = cluster;
        root = Files.createTempDirectory("elastic-commands");
        corpus = ElasticFixture.write(root.resolve("corpus"));
        embedded = Files.createDirectories(root.resolve("embedded"));
        String index = cluster.newIndex("commands");
        clustered = cluster.home(root.resolve("clustered"), index);
        ElasticFixture.ingest(corpus, embedded, embedded.resolve("index"));
        ElasticFixture.ingest(corpus, clustered, null);
        cluster.waitGreen(index);
    }

    private static Cli.Result run(Path home, boolean withIndex, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--home", home.toString()));
        if (withIndex) all.addAll(List.of("--index", home.resolve("index").toString()));
        Cli.Result r = Cli.run(all.toArray(String[]::new)).assertNoStackTrace();
        assertThat(r.status()).as(String.join(" ", args) + "\n" + r).isZero();
        return r;
    }

    @Test
    void summaryCompareTimelineCiteAndSearchPrintWhatTheyPrintEmbedded() {
        List<List<String>> commands = new ArrayList<>(List.of(
                List.of("search", "--json", "Blinken Jewish leaders"),
                List.of("search", "Iran attack drones missiles"),
                List.of("search", "--json", "--outlet", "JNS", "Gantz escalation"),
                List.of("summary", "--json", "Iran attack on Israel"),
                List.of("summary", "Blinken Netanyahu ceasefire"),
                List.of("compare", "--json", "Blinken Iran Israel response", "--outlets", "JNS,Iran International"),
                List.of("timeline", "--json", "Iran Israel"),
                List.of("timeline", "Blinken"),
                List.of("ask", "--json", "--as-of", "2025-01-01", "What did Blinken tell Jewish leaders after Iran's attack?")));
        if (ElasticFixture.hasBbc(corpus)) {
            commands.add(List.of("summary", "--json", "interest rates economy growth"));
            commands.add(List.of("compare", "--json", "football transfer", "--outlets", "BBC Sport,BBC Business"));
            commands.add(List.of("timeline", "--json", "election Labour Tories"));
            commands.add(List.of("search", "--json", "--since", "2005-03-01", "--until", "2005-06-30", "mobile phone market"));
        }
        // cite the first hits of a search, passage and article
        JsonNode hits = run(embedded, true, "search", "--json", "--limit", "3", "Blinken Iran").json().path("hits");
        for (JsonNode h : hits) {
            commands.add(List.of("cite", "--json", h.path("passageId").asText()));
            commands.add(List.of("cite", h.path("articleId").asText()));
        }
        int same = 0;
        List<String> differing = new ArrayList<>();
        for (List<String> c : commands) {
            String e = run(embedded, true, c.toArray(String[]::new)).out();
            String k = run(clustered, false, c.toArray(String[]::new)).out();
            assertThat(e).as(String.join(" ", c)).isNotBlank();
            if (e.equals(k)) same++;
            else differing.add(String.join(" ", c) + "\n--- embedded\n" + e + "\n--- cluster\n" + k);
        }
        System.out.printf("elastic commands parity: %d of %d command outputs identical to embedded%n", same, commands.size());
        assertThat(differing).as("outputs that differ").isEmpty();
    }

    @Test
    void pollOnceWritesThePolledArticlesIntoTheClusterIndex() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/", x -> feed(x, base));
        server.start();
        try {
            String index = cluster.newIndex("poll");
            Path home = cluster.home(root.resolve("poll"), index, "embedding.model=none", "sources.host-delay-ms=0",
                    "sources.contact=https://example.org/ops");
            Cli.Result r = run(home, false, "poll", "--once", "--quiet", "--feed", base + "/feed.xml");
            assertThat(r.out()).contains("2 new");
            assertThat(cluster.count(index, "passage")).isEqualTo(2);
            assertThat(cluster.count(index, "article")).isEqualTo(2);
            JsonNode found = run(home, false, "search", "--json", "lighthouse restoration fund").json().path("hits");
            assertThat(found.get(0).path("url").asText()).isEqualTo(base + "/2024/05/02/story-2");
            // the poll state stays local, beside where the embedded index would be; no Lucene index was written
            Path data = home.resolve("data/index");
            assertThat(data.resolve("poll-state.json")).exists();
            try (Stream<Path> files = Files.list(data)) {
                assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("segments_"));
            }
            Cli.Result again = run(home, false, "poll", "--once", "--quiet", "--feed", base + "/feed.xml");
            assertThat(again.out()).contains("0 new, 0 updated, 2 unchanged");
            assertThat(cluster.count(index, "passage")).as("no duplicate on a second pass").isEqualTo(2);
        } finally {
            server.stop(0);
        }
    }

    private static void feed(HttpExchange x, String base) throws IOException {
        String path = x.getRequestURI().getPath();
        String body;
        String type = "text/html";
        int status = 200;
        if (path.equals("/feed.xml")) {
            type = "application/rss+xml";
            StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Harbour News</title>"
                    + "<link>" + base + "/</link><description>d</description>");
            for (int i = 1; i <= 2; i++) {
                b.append("<item><title>Story ").append(i).append("</title><link>").append(base).append("/2024/05/0").append(i)
                        .append("/story-").append(i).append("</link></item>");
            }
            body = b.append("</channel></rss>").toString();
        } else if (path.startsWith("/2024/05/")) {
            String n = path.substring(path.lastIndexOf('-') + 1);
            String topic = n.equals("1") ? "harbour ferry timetable" : "lighthouse restoration fund";
            body = "<html><head><title>Story " + n + "</title></head><body><article><h1>Story " + n + "</h1><p>The " + topic
                    + " was announced by the port authority on Thursday morning.</p><p>Officials said the " + topic
                    + " would take effect in June after a public consultation.</p></article></body></html>";
        } else {
            status = 404;
            type = "text/plain";
            body = "not here";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", type);
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream o = x.getResponseBody()) {
            o.write(bytes);
        }
    }

    @Test
    void benchIngestAndPlannedSearchMeasureTheClusterAndNameIt() {
        String index = cluster.newIndex("bench");
        Path home = cluster.home(root.resolve("bench"), index, "embedding.model=none");
        Cli.Result ingest = run(home, false, "bench", "ingest", "--corpus", corpus.toString(), "--quiet");
        System.out.println("bench ingest on the cluster:\n" + ingest.out());
        assertThat(ingest.out()).contains("backend: elasticsearch, Elasticsearch index '" + index + "'")
                .containsPattern("ingest .* on elasticsearch: \\d+ articles .* passages/s end to end")
                .contains("index size on elasticsearch:");
        long passages = run(embedded, true, "stats", "--json").json().path("passages").asLong();
        assertThat(cluster.count(index, "passage")).as("the benchmark filled the configured index").isEqualTo(passages);
        assertThat(cluster.call("GET", "/" + index + "-bench-warmup", null).path("status").asInt())
                .as("the warm-up index is deleted").isEqualTo(404);

        Cli.Result refused = Cli.run("bench", "ingest", "--corpus", corpus.toString(), "--quiet", "--home", home.toString());
        assertThat(refused.status()).isEqualTo(2);
        assertThat(refused.err()).contains("already holds articles").contains("--replace");

        Cli.Result search = run(home, false, "bench", "search", "--plan", "--queries", "50", "--corpus", corpus.toString(), "--quiet");
        System.out.println("bench search on the cluster:\n" + search.out());
        assertThat(search.out()).containsPattern("search on elasticsearch \\(bm25, planned, top 10, snippets off\\): 50 queries .* p50 [\\d.]+ ms");
        Cli.Result local = Cli.run("bench", "search", "--plan", "--queries", "50", "--corpus", corpus.toString(), "--quiet",
                "--home", embedded.toString());
        System.out.println("bench search embedded:\n" + local.out());
        assertThat(local.out()).contains("search on embedded (bm25, planned");
    }

    @Test
    void theBotSaysSearchIsUnavailableUntilTheClusterIndexIsIngestedThenAnswers() throws Exception {
        String index = cluster.newIndex("bot");
        Path home = cluster.home(root.resolve("bot"), index, "embedding.model=none", "discord.guilds=" + FakeDiscord.GUILD_ID,
                "discord.cooldown-seconds=0");
        List<Process> children = new ArrayList<>();
        try (FakeDiscord discord = new FakeDiscord()) {
            Path log = home.resolve("bot.log");
            Map<String, String> env = new LinkedHashMap<>(cluster.env(index));
            Process bot = BotSearchUnavailableTest.startBot(discord, home, log, env, children);
            BotSearchUnavailableTest.awaitReady(discord, bot, log);

            String reply = BotSearchUnavailableTest.ask(discord, FakeDiscord.USER_ID + 1);
            assertThat(reply).startsWith("Search is unavailable: Elasticsearch at ").contains("has no index '" + index + "'")
                    .contains("run newsdesk ingest").doesNotContain("\n");

            ElasticFixture.ingest(corpus, home, null);
            String answer = BotSearchUnavailableTest.askUntilAnswered(discord, FakeDiscord.USER_ID + 2);
            assertThat(answer).contains("**Sources**").contains("[1]");
            assertThat(bot.isAlive()).isTrue();
            assertThat(Files.readString(log)).doesNotContain("Exception");
        } finally {
            for (Process p : children) {
                p.destroyForcibly();
                p.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }
}
