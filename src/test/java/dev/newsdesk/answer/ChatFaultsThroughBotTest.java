package dev.newsdesk.answer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.chat.ChatModel;
import dev.newsdesk.discord.DiscordSettings;
import dev.newsdesk.discord.FakeDiscord;
import dev.newsdesk.discord.NewsdeskBot;
import dev.newsdesk.index.CorpusIngest;
import dev.newsdesk.index.IngestListener;
import dev.newsdesk.ingest.IngestLimits;
import dev.newsdesk.ingest.SentenceChunker;
import dev.newsdesk.ingest.SentenceSplitter;
import dev.newsdesk.retrieve.Bm25Retriever;
import dev.newsdesk.retrieve.Catalog;
import dev.newsdesk.retrieve.LuceneCatalog;
import dev.newsdesk.retrieve.LuceneIndex;
import dev.newsdesk.retrieve.LuceneLexicon;
import dev.newsdesk.retrieve.PlannedRetriever;
import dev.newsdesk.retrieve.QueryPlanner;
import dev.newsdesk.retrieve.Retriever;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chat provider down (connection refused) and slow (beyond the client's timeout), seen from Discord: a
 * {@link ChatAnswerer} on LangChain4j's real OpenAI client, wired into the real {@link NewsdeskBot} over the seed
 * corpus, talking to the real JDA through {@link FakeDiscord}. The /ask answer arrives exactly once, is the extractive
 * answer, and carries the note saying why.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ChatFaultsThroughBotTest {
    static final Duration T = Duration.ofSeconds(30);
    static final String QUESTION = "What did Blinken tell Jewish leaders about Israel's response to Iran?";

    @TempDir
    static Path tmp;
    static LuceneIndex index;
    static Catalog catalog;
    static Retriever retriever;
    static Answerer extractive;

    @BeforeAll
    static void seedIndex() throws Exception {
        new CorpusIngest(new SentenceChunker(), () -> null, IngestLimits.DEFAULTS)
                .run(List.of(Path.of("corpus")), tmp.resolve("index"), false, IngestListener.NONE);
        index = LuceneIndex.open(tmp.resolve("index"));
        catalog = new LuceneCatalog(index);
        QueryPlanner planner = new QueryPlanner(
                catalog.stats().outlets().stream().map(Catalog.OutletCount::outlet).toList(), LocalDate.now());
        retriever = new PlannedRetriever(new Bm25Retriever(index, false), () -> planner, 2);
        LuceneLexicon lexicon = new LuceneLexicon(index);
        extractive = new ExtractiveAnswerer(retriever, lexicon, new SentenceSplitter(), ExtractiveAnswerer.Settings.DEFAULTS,
                new EvidenceGate(lexicon, planner::unknownOutletsIn));
    }

    @AfterAll
    static void closeIndex() throws Exception {
        if (index != null) index.close();
    }

    static ChatAnswerer chat(String baseUrl, Duration timeout) {
        ChatModel model = ChatModels.build(new ChatModelSettings(ChatModelSettings.Provider.OPENAI, baseUrl, "fake-model",
                "OPENAI_API_KEY", timeout), Map.of("OPENAI_API_KEY", "test"));
        return new ChatAnswerer(model, "openai", retriever, extractive, PromptLibrary.load(Path.of("prompts")),
                new CitationChecker(null), ChatAnswerSettings.DEFAULTS);
    }

    /** Asks through the bot; returns the single edit of the original response (after checking it is the only one). */
    static JsonNode askThroughBot(Answerer answerer) throws Exception {
        try (FakeDiscord discord = new FakeDiscord()) {
            DiscordSettings settings = DiscordSettings.defaults(() -> "test-token")
                    .withEndpoints(discord.restUrl(), discord.gatewayUrl())
                    .withGuilds(Set.of(FakeDiscord.GUILD_ID));
            try (NewsdeskBot bot = new NewsdeskBot(settings, answerer, catalog, retriever, Optional.empty(), null)) {
                bot.start();
                String token = discord.sendSlashCommand(FakeDiscord.CHANNEL_ID, FakeDiscord.USER_ID, "ask",
                        Map.of("question", QUESTION));
                Predicate<FakeDiscord.Request> edit = r -> r.is("PATCH", "webhooks/\\d+/" + token + "/messages/@original");
                JsonNode body = discord.awaitRequest(edit, T).body();
                bot.close(Duration.ofSeconds(20)); // answers in flight finish first: a second edit would be recorded
                assertThat(discord.requests(edit)).as("edits of the original response").hasSize(1);
                assertThat(discord.requests(r -> r.path().contains(token) && !r.method().equals("PATCH")))
                        .as("other responses to the interaction").allSatisfy(r -> {
                            assertThat(r.method()).isEqualTo("POST");
                            assertThat(r.body().path("type").asInt()).isEqualTo(5); // the defer only
                        });
                assertThat(body.path("allowed_mentions").path("parse")).isEmpty();
                return body;
            }
        }
    }

    static void assertExtractiveWithNote(JsonNode edit, String note) {
        Answer expected = extractive.answer(new Question(QUESTION));
        assertThat(expected.abstained()).isFalse();
        JsonNode embed = edit.path("embeds").get(0);
        String description = embed.path("description").asText();
        String firstQuote = expected.citations().getFirst().quote();
        assertThat(description).contains(firstQuote.substring(0, Math.min(60, firstQuote.length()))).contains(note);
        assertThat(embed.path("footer").path("text").asText()).isEqualTo("newsdesk · " + ExtractiveAnswerer.NAME);
    }

    @Test
    void providerDownGivesTheExtractiveAnswerOnceWithANote() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        } // closed: connections are refused
        JsonNode edit = askThroughBot(chat("http://127.0.0.1:" + closedPort + "/v1", Duration.ofSeconds(5)));
        assertExtractiveWithNote(edit, "The chat model (openai) could not be reached; showing quoted sentences instead.");
    }

    @Test
    void providerSlowerThanTheTimeoutGivesTheExtractiveAnswerOnceWithANote() throws Exception {
        try (FakeChatProvider slow = FakeChatProvider.start(FakeChatProvider.Wire.OPENAI)) {
            slow.always(FakeChatProvider.Reply.slow("Blinken said nothing [1].", Duration.ofSeconds(4)));
            JsonNode edit = askThroughBot(chat(slow.baseUrl(), Duration.ofMillis(500)));
            assertExtractiveWithNote(edit, "The chat model (openai) did not answer in time; showing quoted sentences instead.");
            assertThat(slow.requests()).hasSize(1); // no retry of a timeout
        }
    }
}
