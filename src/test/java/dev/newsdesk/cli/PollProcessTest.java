package dev.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.newsdesk.discord.FakeDiscord;
import dev.newsdesk.index.IndexAssertions;
import dev.newsdesk.sources.Source;
import dev.newsdesk.sources.SourcesFile;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real processes: {@code newsdesk bot} with a sources file polls by itself and holds the index (a CLI poll in
 * another process is refused, clearly), answers about a polled article, and lets go of the index when stopped; a
 * looping {@code newsdesk poll} stops cleanly on SIGTERM.
 */
@Timeout(240)
class PollProcessTest {
    static final Duration T = Duration.ofSeconds(60);

    @TempDir
    Path home;
    private HttpServer feed;
    private String base;
    private FakeDiscord discord;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<Process> children = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        feed = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        feed.createContext("/", this::handle);
        feed.start();
        base = "http://127.0.0.1:" + feed.getAddress().getPort();
        discord = new FakeDiscord();
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/newsdesk.properties"), String.join("\n", "embedding.model=none",
                "sources.host-delay-ms=0", "discord.guilds=" + FakeDiscord.GUILD_ID, "discord.cooldown-seconds=0", ""));
        Cli.seedHome(home);
        new SourcesFile(home.resolve("config/sources.json"))
                .save(List.of(new Source(base + "/feed.xml", Source.Kind.FEED, "Valley Post", null, true)));
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        for (Process p : children) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        discord.close();
        feed.stop(0);
    }

    private void handle(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        requests.add(path);
        String body = switch (path) {
            case "/feed.xml" -> "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Valley Post</title><link>" + base
                    + "/</link><description>d</description><item><title>Reservoir levels fall</title><link>" + base
                    + "/2024/07/02/reservoir</link></item></channel></rss>";
            case "/2024/07/02/reservoir" -> "<html><head><title>Reservoir levels fall</title></head><body><article>"
                    + "<p>The valley reservoir fell to forty per cent of capacity in July, the water board said on Tuesday.</p>"
                    + "<p>A hosepipe ban starts on Friday for the whole valley.</p></article></body></html>";
            default -> null;
        };
        if (body == null) {
            x.sendResponseHeaders(404, -1);
            x.close();
            return;
        }
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", path.endsWith(".xml") ? "application/rss+xml" : "text/html");
        x.sendResponseHeaders(200, b.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(b);
        }
    }

    private Process start(String name, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "--add-modules", "jdk.incubator.vector",
                "--enable-native-access=ALL-UNNAMED", "-cp", cp, "dev.newsdesk.cli.Main"));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--index", home.resolve("index").toString(), "--home", home.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("NEWSDESK_") || k.startsWith("DISCORD_") || k.endsWith("_API_KEY"));
        env.put("DISCORD_TOKEN", "test-token");
        env.put("NEWSDESK_DISCORD_REST_URL", discord.restUrl());
        env.put("NEWSDESK_DISCORD_GATEWAY_URL", discord.gatewayUrl());
        Process p = pb.redirectErrorStream(true).redirectOutput(home.resolve(name + ".log").toFile()).start();
        children.add(p);
        return p;
    }

    private String log(String name) {
        try {
            return Files.readString(home.resolve(name + ".log"));
        } catch (IOException e) {
            return "";
        }
    }

    private Cli.Result pollOnce() {
        return Cli.run("poll", "--once", "--home", home.toString(), "--index", home.resolve("index").toString()).assertNoStackTrace();
    }

    @Test
    void theBotPollsHoldsTheIndexAndAnswersAboutWhatItPolled() throws Exception {
        Process bot = start("bot", "bot");
        FakeDiscord.awaitCondition(() -> log("bot").contains("newsdesk: ready as newsdesk in 1 guilds")
                && requests.contains("/2024/07/02/reservoir"), T, () -> "a polling bot:\n" + log("bot"));
        assertThat(log("bot")).contains("newsdesk: polling the sources in " + home.resolve("config/sources.json"));

        // another process: refused before it fetches anything, nothing written
        requests.clear();
        Cli.Result refused = pollOnce();
        assertThat(refused.status()).as(refused.toString()).isEqualTo(Main.EXIT_ERROR);
        assertThat(refused.err()).contains("the index at " + home.resolve("index")
                + " is open for writing by another newsdesk process (the bot?); stop it or poll from the bot");
        assertThat(requests).isEmpty();

        // the page was fetched; its commit and the searcher refresh follow within the pass: ask until answered
        String answer = "";
        for (int i = 0; i < 20 && !answer.contains("forty per cent"); i++) {
            String ask = discord.sendSlashCommand(FakeDiscord.CHANNEL_ID, FakeDiscord.USER_ID + i, "ask",
                    Map.of("question", "How full is the valley reservoir?"));
            answer = discord.awaitRequest(r -> r.is("PATCH", "webhooks/\\d+/" + ask + "/messages/@original"), T).body().toString();
            if (!answer.contains("forty per cent")) Thread.sleep(250);
        }
        assertThat(answer).contains("forty per cent").contains("Valley Post");

        bot.destroy(); // SIGTERM
        assertThat(bot.waitFor(60, TimeUnit.SECONDS)).as(log("bot")).isTrue();
        // the bot let go of the index: a CLI poll works, and knows what the bot already took
        Cli.Result after = pollOnce();
        assertThat(after.status()).as(after.toString()).isZero();
        assertThat(after.out()).contains("0 new").contains("1 unchanged");
        assertThat(IndexAssertions.articleIds(home.resolve("index"))).hasSize(6); // 5 seed articles + the polled one
    }

    @Test
    void aPollingLoopStopsCleanlyOnSigterm() throws Exception {
        Process poll = start("poll", "poll");
        FakeDiscord.awaitCondition(() -> log("poll").contains("ok " + base + "/feed.xml: 1 new"), T, () -> log("poll"));
        poll.destroy(); // SIGTERM: the loop wakes, closes the fetcher and returns
        assertThat(poll.waitFor(30, TimeUnit.SECONDS)).as(log("poll")).isTrue();
        assertThat(log("poll")).contains("newsdesk: polling 1 sources into ").doesNotContain("Exception");
        Cli.Result again = pollOnce();
        assertThat(again.status()).as(again.toString()).isZero();
        assertThat(again.out()).contains("1 unchanged");
    }
}
