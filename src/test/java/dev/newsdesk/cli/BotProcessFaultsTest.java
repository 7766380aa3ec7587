package dev.newsdesk.cli;

import static dev.newsdesk.index.IndexAssertions.assertCheckIndexClean;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsdesk.answer.FakeChatProvider;
import dev.newsdesk.discord.FakeDiscord;
import dev.newsdesk.retrieve.LuceneCatalog;
import dev.newsdesk.retrieve.LuceneIndex;
import java.io.IOException;
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
 * The bot as a real process ({@code newsdesk bot} in a child JVM) against a {@link FakeDiscord} in this JVM, with a
 * chat answerer pointed at a {@link FakeChatProvider} that takes {@link #MODEL_DELAY} to reply, so that an answer is
 * reliably in flight when the process is signalled:
 * <ul>
 *   <li>SIGKILL mid-answer: a new process reconnects (IDENTIFY again), answers a fresh /ask, and the index is
 *   intact (opens, CheckIndex clean);</li>
 *   <li>SIGTERM mid-answer: the shutdown hook finishes the answer in flight; it is delivered before the process
 *   exits.</li>
 * </ul>
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class BotProcessFaultsTest {
    static final Duration T = Duration.ofSeconds(60);
    static final Duration MODEL_DELAY = Duration.ofSeconds(2);
    static final String DISCORD_TOKEN = "discord-SECRET-7c1f0a";
    static final String OPENAI_KEY = "sk-SECRET-93ab55";
    static final String QUESTION = "What did Blinken tell Jewish leaders about Israel's response to Iran?";

    @TempDir
    Path home;
    FakeDiscord discord;
    FakeChatProvider model;
    final List<Process> children = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        discord = new FakeDiscord();
        model = FakeChatProvider.start(FakeChatProvider.Wire.OPENAI);
        model.always(FakeChatProvider.Reply.slow("The coverage does not answer this question.", MODEL_DELAY));
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/newsdesk.properties"), String.join("\n",
                "embedding.model=none",
                "answerer=openai",
                "chat.base-url=" + model.baseUrl(),
                "chat.timeout-seconds=20",
                "discord.guilds=" + FakeDiscord.GUILD_ID,
                "discord.cooldown-seconds=0", ""));
        try (Stream<Path> prompts = Files.list(Path.of("prompts"))) {
            Files.createDirectories(home.resolve("prompts"));
            for (Path p : prompts.toList()) Files.copy(p, home.resolve("prompts").resolve(p.getFileName()));
        }
        Cli.seedHome(home); // corpus/ and index/, BM25 only
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        for (Process p : children) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        model.close();
        discord.close();
    }

    private Process startBot(String name) throws IOException {
        return startBot(name, DISCORD_TOKEN);
    }

    /** @param token the DISCORD_TOKEN to give the process, or null for none */
    private Process startBot(String name, String token) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "--add-modules", "jdk.incubator.vector",
                "--enable-native-access=ALL-UNNAMED", "-cp", cp, "dev.newsdesk.cli.Main", "bot",
                "--index", home.resolve("index").toString(), "--home", home.toString());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("NEWSDESK_") || k.startsWith("DISCORD_") || k.endsWith("_API_KEY"));
        if (token != null) env.put("DISCORD_TOKEN", token);
        env.put("OPENAI_API_KEY", OPENAI_KEY);
        env.put("NEWSDESK_DISCORD_REST_URL", discord.restUrl());
        env.put("NEWSDESK_DISCORD_GATEWAY_URL", discord.gatewayUrl());
        Process p = pb.redirectErrorStream(true).redirectOutput(home.resolve(name + ".log").toFile()).start();
        children.add(p);
        return p;
    }

    private String log(String name) throws IOException {
        String log = Files.readString(home.resolve(name + ".log"));
        assertThat(log).as("secrets in the bot's output").doesNotContain("SECRET");
        return log;
    }

    /** Waits until the n-th process has identified and registered its commands. */
    private void awaitReady(int n, Process p, String name) throws IOException {
        Predicate<FakeDiscord.Request> registration = r -> r.is("PUT", "applications/\\d+/guilds/\\d+/commands");
        try {
            discord.awaitRequests(registration, n, T);
        } catch (AssertionError e) {
            throw new AssertionError("bot " + name + " did not get ready (alive: " + p.isAlive() + "):\n" + log(name), e);
        }
        assertThat(discord.identifyCount()).isEqualTo(n);
        FakeDiscord.awaitCondition(() -> {
            try {
                return Files.readString(home.resolve(name + ".log")).contains("newsdesk: ready as newsdesk in 1 guilds");
            } catch (IOException e) {
                return false;
            }
        }, T, () -> "the console line 'ready as newsdesk in 1 guilds' from bot " + name);
        assertThat(discord.gatewayReceived().stream().filter(g -> g.path("op").asInt() == 2).toList().getLast()
                .path("d").path("token").asText()).isEqualTo(DISCORD_TOKEN);
    }

    static Predicate<FakeDiscord.Request> defer(String token) {
        return r -> r.is("POST", "interactions/\\d+/" + token + "/callback") && r.body().path("type").asInt() == 5;
    }

    static Predicate<FakeDiscord.Request> edit(String token) {
        return r -> r.is("PATCH", "webhooks/\\d+/" + token + "/messages/@original");
    }

    private String askAndAwaitModelCall(long user, int modelCallsBefore) {
        String token = discord.sendSlashCommand(FakeDiscord.CHANNEL_ID, user, "ask", Map.of("question", QUESTION));
        discord.awaitRequest(defer(token), T);
        FakeDiscord.awaitCondition(() -> model.requests().size() > modelCallsBefore, T,
                () -> "the bot never called the chat model");
        return token;
    }

    static void assertAnswer(JsonNode editBody) {
        String description = editBody.path("embeds").get(0).path("description").asText();
        assertThat(description).contains("**Sources**").contains("[1]");
        assertThat(editBody.path("allowed_mentions").path("parse")).isEmpty();
    }

    /**
     * /summary and /compare as the real process wires them (App.coverageFeatures, offline) over the seed index: the
     * Iran attack is reported by more than one outlet, and the comparison covers the two outlets named.
     */
    private void assertCoverageCommandsAnswerFromTheIndex() {
        String summary = discord.sendSlashCommand(FakeDiscord.CHANNEL_ID, FakeDiscord.USER_ID + 20, "summary",
                Map.of("topic", "Iran's attack on Israel"));
        discord.awaitRequest(defer(summary), T);
        JsonNode s = discord.awaitRequest(edit(summary), T).body();
        assertAnswer(s);
        assertThat(s.path("embeds").get(0).path("title").asText()).isEqualTo("Summary: Iran's attack on Israel");
        assertThat(s.path("embeds").get(0).path("description").asText()).containsPattern("reported by [23] outlets")
                .contains("— only ");

        String compare = discord.sendSlashCommand(FakeDiscord.CHANNEL_ID, FakeDiscord.USER_ID + 21, "compare",
                Map.of("topic", "Blinken Iran Israel response", "outlets", "JNS, Iran International"));
        discord.awaitRequest(defer(compare), T);
        JsonNode c = discord.awaitRequest(edit(compare), T).body();
        assertAnswer(c);
        String text = c.path("embeds").get(0).path("description").asText();
        assertThat(text).contains("JNS").contains("Iran International").contains("not in JNS, reported by Iran International")
                .doesNotContain("Jewish Chronicle —");
    }

    @Test
    void sigkillMidAnswerThenANewProcessReconnectsAnswersAndTheIndexIsIntact() throws Exception {
        Process first = startBot("first");
        awaitReady(1, first, "first");
        String lost = askAndAwaitModelCall(FakeDiscord.USER_ID + 1, 0);
        first.destroyForcibly(); // SIGKILL while the model is still "thinking"
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(discord.requests(edit(lost))).as("no answer from a killed process").isEmpty();

        Process second = startBot("second");
        awaitReady(2, second, "second");
        String token = askAndAwaitModelCall(FakeDiscord.USER_ID + 2, 1);
        assertAnswer(discord.awaitRequest(edit(token), T).body());
        assertThat(discord.requests(edit(token))).hasSize(1);
        assertCoverageCommandsAnswerFromTheIndex();

        second.destroy();
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Path index = home.resolve("index");
        try (LuceneIndex idx = LuceneIndex.open(index)) {
            assertThat(new LuceneCatalog(idx).stats().articles()).isEqualTo(5);
        }
        assertCheckIndexClean(index);
        assertThat(log("second")).doesNotContain("Exception");
    }

    @Test
    void aMissingOrRejectedTokenIsOneClearLineAndExitOne() throws Exception {
        Process missing = startBot("missing", null);
        assertThat(missing.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(missing.exitValue()).isEqualTo(Main.EXIT_ERROR);
        List<String> missingLines = log("missing").lines().filter(l -> !l.startsWith("WARNING")).toList();
        assertThat(missingLines).hasSize(1);
        assertThat(missingLines.getFirst()).startsWith("newsdesk: DISCORD_TOKEN is not set;");

        Process rejected = startBot("rejected", FakeDiscord.BAD_TOKEN);
        assertThat(rejected.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(rejected.exitValue()).isEqualTo(Main.EXIT_ERROR);
        List<String> lines = log("rejected").lines().filter(l -> !l.startsWith("WARNING")).toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.getFirst()).startsWith("newsdesk: Discord rejected the bot token");
        assertThat(discord.identifyCount()).isZero();
    }

    @Test
    void aCorruptedIndexAtStartupIsOneLineSayingHowToRebuild() throws Exception {
        Path index = home.resolve("index");
        try (Stream<Path> files = Files.list(index)) {
            Path segments = files.filter(f -> f.getFileName().toString().startsWith("segments_")).findFirst().orElseThrow();
            Files.write(segments, "not a Lucene commit point".getBytes());
        }
        Process bot = startBot("corrupt");
        assertThat(bot.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(bot.exitValue()).isEqualTo(Main.EXIT_ERROR);
        List<String> lines = log("corrupt").lines().filter(l -> !l.startsWith("WARNING")).toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.getFirst()).startsWith("newsdesk: Index '" + index + "' is damaged")
                .contains("rebuild it: rm -rf " + index + " && newsdesk ingest --index " + index);
    }

    @Test
    void sigtermMidAnswerDeliversTheAnswerBeforeExit() throws Exception {
        Process bot = startBot("bot");
        awaitReady(1, bot, "bot");
        String token = askAndAwaitModelCall(FakeDiscord.USER_ID + 3, 0);
        assertThat(discord.requests(edit(token))).as("still in flight").isEmpty();
        bot.destroy(); // SIGTERM
        assertThat(bot.waitFor(60, TimeUnit.SECONDS)).as("the bot exits after SIGTERM").isTrue();
        // The fake records a request before answering it, so an edit recorded now was sent before the exit.
        List<FakeDiscord.Request> edits = discord.requests(edit(token));
        assertThat(edits).as("the answer in flight was delivered; log:\n%s", log("bot")).hasSize(1);
        assertAnswer(edits.getFirst().body());
        assertThat(log("bot")).doesNotContain("were cancelled").doesNotContain("Exception");
        assertThat(model.requests().getFirst().header("authorization")).isEqualTo("Bearer " + OPENAI_KEY);
    }
}
