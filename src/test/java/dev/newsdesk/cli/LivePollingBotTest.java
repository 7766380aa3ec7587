package dev.newsdesk.cli;

import static dev.newsdesk.discord.FakeDiscord.ADMIN_ROLE_ID;
import static dev.newsdesk.discord.FakeDiscord.CHANNEL_ID;
import static dev.newsdesk.discord.FakeDiscord.MEMBER_ROLE_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.newsdesk.discord.DiscordSettings;
import dev.newsdesk.discord.FakeDiscord;
import dev.newsdesk.discord.NewsdeskBot;
import dev.newsdesk.retrieve.EmbeddedBackend;
import dev.newsdesk.retrieve.Filters;
import dev.newsdesk.retrieve.Hit;
import dev.newsdesk.retrieve.LuceneIndex;
import dev.newsdesk.retrieve.Retrieval;
import dev.newsdesk.retrieve.Retriever;
import dev.newsdesk.retrieve.SearchRequest;
import dev.newsdesk.sources.FetchSettings;
import dev.newsdesk.sources.Source;
import dev.newsdesk.sources.SourcesFile;
import dev.newsdesk.store.AnswerLog;
import dev.newsdesk.store.Store;
import dev.newsdesk.store.StoreSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot polling its own sources, against the local stand-in Discord and a feed on loopback: a feed update is
 * answerable without a restart, a /follow channel gets a digest that pings nobody, admins see /sources, and a CLI
 * poll meanwhile is told the bot holds the index.
 */
@Timeout(180)
class LivePollingBotTest {
    static final Duration T = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    private HttpServer feed;
    private String base;
    private final AtomicInteger items = new AtomicInteger(1);
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        feed = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        feed.createContext("/", this::handle);
        feed.start();
        base = "http://127.0.0.1:" + feed.getAddress().getPort();
        Files.createDirectories(tmp.resolve("config"));
        Files.writeString(tmp.resolve("config/newsdesk.properties"), "sources.host-delay-ms=0\n");
    }

    @AfterEach
    void stop() {
        feed.stop(0);
    }

    private void handle(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        requests.add(path);
        String body;
        String type = "text/html";
        if (path.equals("/feed.xml")) {
            StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Coast Herald</title>"
                    + "<link>" + base + "/</link><description>d</description>");
            for (int i = items.get(); i >= 1; i--) {
                b.append("<item><title>Story ").append(i).append("</title><link>").append(base).append("/2024/06/1").append(i)
                        .append("/story-").append(i).append("</link></item>");
            }
            body = b.append("</channel></rss>").toString();
            type = "application/rss+xml";
        } else if (path.equals("/2024/06/11/story-1")) {
            body = page("Ferry timetable changes", "The harbour ferry timetable changes in June, the port authority said on Monday. "
                    + "Morning crossings will leave twenty minutes earlier to meet the first trains.");
        } else if (path.equals("/2024/06/12/story-2")) {
            body = page("Lighthouse restoration fund opens", "A lighthouse restoration fund of two million pounds opened on Wednesday. "
                    + "Volunteers will repaint the tower and repair the lantern room before the autumn storms.");
        } else {
            x.sendResponseHeaders(404, -1);
            x.close();
            return;
        }
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", type);
        x.sendResponseHeaders(200, b.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(b);
        }
    }

    private static String page(String title, String text) {
        return "<html><head><title>" + title + "</title><meta property=\"og:site_name\" content=\"Coast Herald\"></head>"
                + "<body><article><h1>" + title + "</h1><p>" + text + "</p></article></body></html>";
    }

    @Test
    void aFeedUpdateIsAnswerableWithoutRestartAndFollowersGetADigest() throws Exception {
        Path index = tmp.resolve("index");
        SourcesFile file = new SourcesFile(tmp.resolve("config/sources.json"));
        file.save(List.of(new Source(base + "/feed.xml", Source.Kind.FEED, null, Duration.ofMinutes(15), true)));
        // the index as `newsdesk poll --once` leaves it before the bot starts
        assertThat(Cli.run("poll", "--once", "--home", tmp.toString(), "--index", index.toString()).status()).isZero();

        ExecutorService threads = Retrieval.newSearchThreads();
        try (LuceneIndex idx = LuceneIndex.open(index);
             FakeDiscord discord = new FakeDiscord();
             Store store = Store.open(StoreSettings.fromEnvironment(Map.of(), null, tmp.resolve("data"), 90));
             AnswerLog log = AnswerLog.over(store)) {
            EmbeddedBackend backend = new EmbeddedBackend(idx);
            Retrieval retrieval = new Retrieval(backend, LocalDate::now, threads);
            Retriever retriever = retrieval.retriever(Retrieval.Options.DEFAULTS);
            LivePolling live = new LivePolling(file, FetchSettings.from(k -> k.equals("sources.host-delay-ms") ? "0" : null),
                    index, () -> null, backend, Clock.systemUTC());
            DiscordSettings settings = DiscordSettings.defaults(() -> "test-token")
                    .withEndpoints(discord.restUrl(), discord.gatewayUrl())
                    .withGuilds(Set.of(FakeDiscord.GUILD_ID))
                    .withAccess(Set.of(CHANNEL_ID), Set.of(MEMBER_ROLE_ID, ADMIN_ROLE_ID), Set.of(ADMIN_ROLE_ID))
                    .withLimits(Duration.ofSeconds(1), 2, 4);
            CommonOptions common = new CommonOptions();
            common.home = tmp;
            common.index = index;
            try (App app = App.create(common);
                 NewsdeskBot bot = new NewsdeskBot(settings,
                    App.extractive(retriever, backend.lexicon(), retrieval.planners()), backend.catalog(), retriever,
                    Optional.empty(), BotCommand.reindexer(app, backend, live), log, null, live::status);
                 LivePolling polling = live) {
                bot.start();
                polling.onNewCoverage(bot::newCoverage).start();
                FakeDiscord.awaitCondition(() -> live.status().contains("last pass"), T, () -> "the first pass");

                // the bot holds the writer now: a CLI poll says so and writes nothing
                Cli.Result cli = Cli.run("poll", "--once", "--home", tmp.toString(), "--index", index.toString());
                assertThat(cli.status()).as(cli.toString()).isEqualTo(Main.EXIT_ERROR);
                assertThat(cli.err()).contains("is open for writing by another newsdesk process (the bot?); stop it or poll from the bot");

                String follow = discord.sendSlashCommand(CHANNEL_ID, FakeDiscord.USER_ID + 7, List.of(MEMBER_ROLE_ID), "follow",
                        Map.of("topic", "lighthouse restoration"));
                JsonNode followed = discord.awaitRequest(r -> r.is("PATCH", "webhooks/\\d+/" + follow + "/messages/@original"), T).body();
                assertThat(followed.toString()).contains("Following");

                assertThat(retriever.search(new SearchRequest("lighthouse restoration fund", Filters.NONE, 5)))
                        .extracting(Hit::title).doesNotContain("Story 2");
                items.set(2);
                requests.clear();
                polling.pollNow();

                FakeDiscord.Request digest = discord.awaitRequest(r -> r.is("POST", "channels/" + CHANNEL_ID + "/messages"), T);
                JsonNode embed = digest.body().path("embeds").get(0);
                assertThat(embed.path("title").asText()).isEqualTo("New coverage: lighthouse restoration");
                // the feed item's title (the page has no JSON-LD or OpenGraph headline), its outlet, URL date and a quote
                assertThat(embed.path("description").asText()).contains("**[1] Story 2**").contains("Coast Herald · 2024-06-12")
                        .contains("lighthouse restoration fund of two million pounds").doesNotContain("Story 1");
                assertThat(digest.body().path("allowed_mentions").path("parse")).isEmpty();
                assertThat(requests).containsOnlyOnce("/2024/06/12/story-2").doesNotContain("/2024/06/11/story-1");

                // answerable now, with no restart: the bot's own retriever and /ask see it
                assertThat(retriever.search(new SearchRequest("lighthouse restoration fund", Filters.NONE, 5)))
                        .extracting(Hit::title).contains("Story 2");
                String ask = discord.sendSlashCommand(CHANNEL_ID, FakeDiscord.USER_ID + 8, List.of(MEMBER_ROLE_ID), "ask",
                        Map.of("question", "How big is the lighthouse restoration fund?"));
                JsonNode answer = discord.awaitRequest(r -> r.is("PATCH", "webhooks/\\d+/" + ask + "/messages/@original"), T).body();
                assertThat(answer.toString()).contains("two million pounds");

                // /reindex while polling holds the writer: it borrows that writer, and keeps the polled articles
                Files.createDirectories(tmp.resolve("corpus"));
                Files.writeString(tmp.resolve("corpus/tram.md"), "---\ntitle: Tram line extension approved\noutlet: City Desk\n"
                        + "published: 2024-06-01\n---\nThe tram line extension to the university was approved by the regional "
                        + "council on Friday. Construction of the four new stops begins next spring.\n");
                String reindex = discord.sendSlashCommand(CHANNEL_ID, FakeDiscord.USER_ID + 10, List.of(ADMIN_ROLE_ID), "reindex", Map.of());
                // the reply is edited with progress first; the last edit is the summary
                JsonNode reindexed = discord.awaitRequest(r -> r.is("PATCH", "webhooks/\\d+/" + reindex + "/messages/@original")
                        && r.body().toString().contains("Reindex finished"), T).body();
                assertThat(reindexed.toString()).contains("Reindex finished").contains("1 added").contains("0 removed");
                assertThat(retriever.search(new SearchRequest("tram line extension university", Filters.NONE, 5)))
                        .extracting(Hit::title).contains("Tram line extension approved");
                assertThat(backend.catalog().articleIds()).hasSize(3);

                String sources = discord.sendSlashCommand(CHANNEL_ID, FakeDiscord.USER_ID + 9, List.of(ADMIN_ROLE_ID), "sources", Map.of());
                JsonNode status = discord.awaitRequest(r -> r.is("POST", "interactions/\\d+/" + sources + "/callback"), T).body();
                assertThat(status.path("data").path("flags").asInt() & 64).isEqualTo(64);
                assertThat(status.path("data").path("embeds").get(0).path("description").asText())
                        .contains(base + "/feed.xml").contains("articles taken 2").contains("failures in a row 0");
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
