package dev.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsdesk.discord.FakeDiscord;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code newsdesk bot} as a real process with {@code web.enabled=true}: the web companion starts beside the bot on
 * the same index and store, and with {@code web.base-url} set the bot's sources link to the reader.
 */
@Timeout(180)
class BotWebProcessTest {
    static final Duration T = Duration.ofSeconds(60);
    static final String ADMIN = "web-admin-SECRET-51d2";
    static final String READER = "http://reader.example:8080";

    @TempDir
    Path home;
    FakeDiscord discord;
    Process bot;

    @BeforeEach
    void setUp() throws IOException {
        discord = new FakeDiscord();
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/newsdesk.properties"), String.join("\n", "embedding.model=none",
                "discord.guilds=" + FakeDiscord.GUILD_ID, "discord.cooldown-seconds=0",
                "web.enabled=true", "web.port=0", "web.base-url=" + READER, ""));
        Cli.seedHome(home);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        if (bot != null) {
            bot.destroyForcibly();
            bot.waitFor(30, TimeUnit.SECONDS);
        }
        discord.close();
    }

    @Test
    void webCompanionRunsBesideTheBotAndSourcesLinkToTheReader() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "--add-modules", "jdk.incubator.vector",
                "--enable-native-access=ALL-UNNAMED", "-cp", cp, "dev.newsdesk.cli.Main", "bot",
                "--index", home.resolve("index").toString(), "--home", home.toString());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("NEWSDESK_") || k.startsWith("DISCORD_") || k.endsWith("_API_KEY"));
        env.put("DISCORD_TOKEN", "discord-SECRET-0b7e");
        env.put("NEWSDESK_WEB_ADMIN_TOKEN", ADMIN);
        env.put("NEWSDESK_DISCORD_REST_URL", discord.restUrl());
        env.put("NEWSDESK_DISCORD_GATEWAY_URL", discord.gatewayUrl());
        Path logFile = home.resolve("bot.log");
        bot = pb.redirectErrorStream(true).redirectOutput(logFile.toFile()).start();

        Pattern web = Pattern.compile("web companion at (http://127\\.0\\.0\\.1:\\d+)/");
        String[] base = new String[1];
        FakeDiscord.awaitCondition(() -> {
            try {
                Matcher m = web.matcher(Files.readString(logFile));
                if (m.find()) base[0] = m.group(1);
                return base[0] != null;
            } catch (IOException e) {
                return false;
            }
        }, T, () -> "the line 'web companion at ...' from the bot; log:\n" + read(logFile));

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> ask = http.send(HttpRequest.newBuilder(URI.create(base[0] + "/api/ask?q=Blinken+Jewish+leaders")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ask.statusCode()).isEqualTo(200);
        assertThat(ask.body()).contains("\"citations\"");
        HttpResponse<String> insights = http.send(HttpRequest.newBuilder(URI.create(base[0] + "/insights"))
                .header("Authorization", "Bearer " + ADMIN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(insights.statusCode()).isEqualTo(200);
        assertThat(insights.body()).contains("<h1>Insights</h1>").doesNotContain(ADMIN);

        discord.awaitRequests(r -> r.is("PUT", "applications/\\d+/guilds/\\d+/commands"), 1, T);
        String token = discord.sendSlashCommand(FakeDiscord.CHANNEL_ID, FakeDiscord.USER_ID, "ask",
                Map.of("question", "What did Blinken tell Jewish leaders about Israel's response to Iran?"));
        JsonNode edit = discord.awaitRequest(BotProcessFaultsTest.edit(token), T).body();
        String description = edit.path("embeds").get(0).path("description").asText();
        assertThat(description).contains("read: <" + READER + "/p/002_d8b5abb78606031a:0?start=38&end=222>");
        assertThat(read(logFile)).doesNotContain("SECRET");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
