package dev.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsdesk.discord.FakeDiscord;
import dev.newsdesk.index.TestCorpus;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code newsdesk bot} as a real process against a {@link FakeDiscord} when search cannot be opened: it starts anyway,
 * answers each question with one "Search is unavailable" sentence naming the reason and the next step, and answers
 * normally, with citations, once the index exists (no restart). The cluster half of the recovery (a cluster started
 * on the port that was closed) is BotClusterRecoveryElasticIT.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class BotSearchUnavailableTest {
    static final Duration T = Duration.ofSeconds(60);
    static final String QUESTION = "What did Blinken tell Jewish leaders about Israel's response to Iran?";

    @TempDir
    Path home;
    FakeDiscord discord;
    final List<Process> children = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        discord = new FakeDiscord();
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/newsdesk.properties"), String.join("\n",
                "embedding.model=none",
                "discord.guilds=" + FakeDiscord.GUILD_ID,
                "discord.cooldown-seconds=0", ""));
        Path corpus = Files.createDirectories(home.resolve("corpus"));
        try (Stream<Path> s = Files.list(TestCorpus.seedCorpus())) {
            for (Path p : s.filter(p -> p.toString().endsWith(".md")).toList()) Files.copy(p, corpus.resolve(p.getFileName()));
        }
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        for (Process p : children) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        discord.close();
    }

    /** The bot process with {@code --index DIR} (so no first-run ingest) and these extra environment variables. */
    static Process startBot(FakeDiscord discord, Path home, Path log, Map<String, String> extraEnv, List<Process> children)
            throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "--add-modules", "jdk.incubator.vector",
                "--enable-native-access=ALL-UNNAMED", "-cp", cp, "dev.newsdesk.cli.Main", "bot",
                "--index", home.resolve("index").toString(), "--home", home.toString());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("NEWSDESK_") || k.startsWith("DISCORD_") || k.endsWith("_API_KEY"));
        env.put("DISCORD_TOKEN", "discord-test-token");
        env.put("NEWSDESK_DISCORD_REST_URL", discord.restUrl());
        env.put("NEWSDESK_DISCORD_GATEWAY_URL", discord.gatewayUrl());
        env.putAll(extraEnv);
        Process p = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        children.add(p);
        return p;
    }

    static void awaitReady(FakeDiscord discord, Process p, Path log) throws IOException {
        FakeDiscord.awaitCondition(() -> {
            try {
                return Files.readString(log).contains("newsdesk: ready as newsdesk in 1 guilds");
            } catch (IOException e) {
                return false;
            }
        }, T, () -> "the ready line (alive: " + p.isAlive() + ")");
    }

    /** Asks /ask once and returns what the user sees: the answer embed's text, or the ephemeral error's content. */
    static String ask(FakeDiscord discord, long user) {
        String token = discord.sendSlashCommand(FakeDiscord.CHANNEL_ID, user, "ask", Map.of("question", QUESTION));
        Predicate<FakeDiscord.Request> edit = r -> r.is("PATCH", "webhooks/\\d+/" + token + "/messages/@original")
                && r.body().path("embeds").size() > 0;
        Predicate<FakeDiscord.Request> error = r -> r.is("POST", "webhooks/\\d+/" + token) && r.body().hasNonNull("content");
        FakeDiscord.awaitCondition(() -> !discord.requests(edit.or(error)).isEmpty(), T, () -> "a reply to /ask");
        JsonNode body = discord.requests(edit.or(error)).getFirst().body();
        return body.path("embeds").size() > 0 ? body.path("embeds").get(0).path("description").asText() : body.path("content").asText();
    }

    /** Asks until the reply no longer says search is unavailable (the cool-down between attempts to open). */
    static String askUntilAnswered(FakeDiscord discord, long firstUser) throws InterruptedException {
        long deadline = System.nanoTime() + T.toNanos();
        String reply;
        long user = firstUser;
        do {
            reply = ask(discord, user++);
            if (!reply.startsWith("Search is unavailable")) return reply;
            Thread.sleep(1000);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("still unavailable after " + T + ": " + reply);
    }

    @Test
    void aMissingIndexIsSaidInOneSentenceAndAnIngestMakesTheBotAnswerWithoutRestart() throws Exception {
        Path log = home.resolve("bot.log");
        Process bot = startBot(discord, home, log, Map.of(), children);
        awaitReady(discord, bot, log);

        String reply = ask(discord, FakeDiscord.USER_ID + 1);
        assertThat(reply).startsWith("Search is unavailable: Index '" + home.resolve("index") + "' not found; run: newsdesk ingest")
                .doesNotContain("Exception").doesNotContain("\n");

        Cli.Result ingest = Cli.run("ingest", home.resolve("corpus").toString(), "--home", home.toString(),
                "--index", home.resolve("index").toString());
        assertThat(ingest.status()).as(ingest.toString()).isZero();

        String answer = askUntilAnswered(discord, FakeDiscord.USER_ID + 2);
        assertThat(answer).contains("**Sources**").contains("[1]");
        assertThat(bot.isAlive()).isTrue();
        assertThat(Files.readString(log)).doesNotContain("Exception");
    }

    @Test
    void anUnreachableClusterIsSaidInOneSentenceWithTheNextStep() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Path log = home.resolve("bot.log");
        Process bot = startBot(discord, home, log, Map.of("NEWSDESK_INDEX_BACKEND", "elasticsearch",
                "NEWSDESK_ELASTICSEARCH_HOSTS", "http://127.0.0.1:" + closed), children);
        awaitReady(discord, bot, log);

        for (long user = 1; user <= 2; user++) { // the second within the cool-down: the same sentence, at once
            String reply = ask(discord, FakeDiscord.USER_ID + user);
            assertThat(reply).startsWith("Search is unavailable: Elasticsearch at [http://127.0.0.1:" + closed + "] is unreachable")
                    .contains("start it (scripts/es-cluster start) or set elasticsearch.hosts").doesNotContain("\n");
        }
        assertThat(bot.isAlive()).isTrue();
        assertThat(Files.readString(log)).doesNotContain("Exception");
    }
}
