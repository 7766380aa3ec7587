package dev.newsdesk.discord;

import static dev.newsdesk.discord.FakeDiscord.ADMIN_ROLE_ID;
import static dev.newsdesk.discord.FakeDiscord.BOT_ID;
import static dev.newsdesk.discord.FakeDiscord.CHANNEL_ID;
import static dev.newsdesk.discord.FakeDiscord.MEMBER_ROLE_ID;
import static dev.newsdesk.discord.NewsdeskBotEndToEndTest.callback;
import static dev.newsdesk.discord.NewsdeskBotEndToEndTest.editOriginal;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsdesk.answer.Answerer;
import dev.newsdesk.answer.Question;
import dev.newsdesk.discord.FakeDiscord.Request;
import dev.newsdesk.store.AnswerLog;
import dev.newsdesk.store.Insights;
import dev.newsdesk.store.QuestionRecord;
import dev.newsdesk.store.Store;
import dev.newsdesk.store.StoreSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot with a real SQLite store, through the real JDA against {@link FakeDiscord}: ask, 👎, report citation 2
 * through the select and the modal, restart the bot, follow up in the same thread, read /insights; many askers at
 * once lose no record; a broken database never stops an answer.
 */
class NewsdeskBotMemoryTest {
    static final Duration T = Duration.ofSeconds(20);
    static final AtomicLong USERS = new AtomicLong(FakeDiscord.USER_ID + 50_000);
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    FakeDiscord discord;
    final List<Question> asked = new CopyOnWriteArrayList<>();
    final Answerer answerer = q -> {
        asked.add(q);
        return TestCorpus.answer(q.text());
    };

    @BeforeEach
    void start() throws Exception {
        discord = new FakeDiscord();
    }

    @AfterEach
    void stop() {
        if (discord != null) discord.close();
    }

    private StoreSettings store() {
        return StoreSettings.fromEnvironment(Map.of(), null, dir.resolve("data"), 90);
    }

    private NewsdeskBot bot(AnswerLog log, int concurrent, int queue) throws Exception {
        DiscordSettings settings = DiscordSettings.defaults(() -> "test-token")
                .withEndpoints(discord.restUrl(), discord.gatewayUrl())
                .withGuilds(Set.of(FakeDiscord.GUILD_ID))
                .withAccess(Set.of(CHANNEL_ID), Set.of(MEMBER_ROLE_ID, ADMIN_ROLE_ID), Set.of(ADMIN_ROLE_ID))
                .withLimits(Duration.ZERO, concurrent, queue);
        NewsdeskBot bot = new NewsdeskBot(settings, answerer, TestCorpus.CATALOG, TestCorpus.RETRIEVER, Optional.empty(),
                null, log);
        bot.start();
        return bot;
    }

    /** A message carrying the components of an edit, as a component interaction refers to it. */
    private JsonNode messageWith(JsonNode body) {
        ObjectNode m = discord.message(discord.newId(), CHANNEL_ID, discord.user(BOT_ID), "", List.of());
        m.set("components", body.path("components"));
        m.set("embeds", body.path("embeds"));
        return m;
    }

    private static List<String> customIds(JsonNode body) {
        List<String> ids = new ArrayList<>();
        body.path("components").forEach(row -> row.path("components").forEach(c -> ids.add(c.path("custom_id").asText())));
        return ids;
    }

    private static String text(Request edit) {
        JsonNode embeds = edit.body().path("embeds");
        return embeds.isArray() && !embeds.isEmpty() ? embeds.get(0).path("description").asText() : edit.body().path("content").asText();
    }

    @Test
    void voteReportRestartFollowUpAndInsights() throws Exception {
        long user = USERS.incrementAndGet();
        long threadId;
        long answerId;
        try (AnswerLog log = AnswerLog.of(store()); NewsdeskBot bot = bot(log, 2, 8)) {
            String ask = discord.sendSlashCommand(CHANNEL_ID, user, "ask", Map.of("question", "Rates?"));
            Request answer = discord.awaitRequest(editOriginal(ask), T);
            List<String> ids = customIds(answer.body());
            String down = ids.stream().filter(i -> i.startsWith(FeedbackButtons.PREFIX) && i.endsWith(":down")).findFirst().orElseThrow();
            answerId = Long.parseLong(down.split(":")[2]);
            assertThat(ids).contains(FeedbackButtons.PREFIX + answerId + ":up", FeedbackButtons.PREFIX + answerId + ":report");

            // 👎, then the vote is in the store
            String click = discord.sendButton(CHANNEL_ID, user, down, messageWith(answer.body()));
            assertThat(discord.awaitRequest(callback(click), T).body().path("data").path("flags").asInt() & 64).isEqualTo(64);
            assertThat(text(discord.awaitRequest(editOriginal(click), T))).contains("Thanks").contains("👎");

            // Report a citation: a select of the citations, then a modal, then the thank-you
            String report = discord.sendButton(CHANNEL_ID, user, FeedbackButtons.PREFIX + answerId + ":report", messageWith(answer.body()));
            Request choose = discord.awaitRequest(editOriginal(report), T);
            JsonNode menu = choose.body().path("components").get(0).path("components").get(0);
            assertThat(menu.path("custom_id").asText()).isEqualTo(ReportCitation.SELECT + answerId);
            assertThat(menu.path("options")).hasSize(2);
            ObjectNode select = JSON.createObjectNode().put("custom_id", ReportCitation.SELECT + answerId).put("component_type", 3);
            select.putArray("values").add("2");
            String picked = discord.sendInteraction(3, CHANNEL_ID, user, List.of(MEMBER_ROLE_ID), select, messageWith(choose.body()));
            Request modal = discord.awaitRequest(callback(picked), T);
            assertThat(modal.body().path("type").asInt()).isEqualTo(9);
            String modalId = modal.body().path("data").path("custom_id").asText();
            assertThat(modalId).isEqualTo(ReportCitation.MODAL + answerId + ":2");
            ObjectNode submit = JSON.createObjectNode().put("custom_id", modalId);
            var components = submit.putArray("components");
            ObjectNode reason = components.addObject().put("type", 18).put("id", 1).putObject("component")
                    .put("type", 3).put("id", 2).put("custom_id", ReportCitation.REASON);
            reason.putArray("values").add("wrong-date");
            components.addObject().put("type", 18).put("id", 3).putObject("component")
                    .put("type", 4).put("id", 4).put("custom_id", ReportCitation.NOTE).put("value", "it is from 2021 @everyone");
            String sent = discord.sendInteraction(5, CHANNEL_ID, user, List.of(MEMBER_ROLE_ID), submit, null);
            assertThat(text(discord.awaitRequest(editOriginal(sent), T))).contains("citation [2] is reported").contains("wrong date");

            // a conversation in a thread, then the bot goes away
            var mention = discord.sendMessageCreate(CHANNEL_ID, user, "<@" + BOT_ID + "> what did the memo say?", List.of(BOT_ID));
            threadId = Long.parseLong(mention.get("id").asText());
            discord.awaitRequest(r -> r.is("POST", "channels/" + threadId + "/messages"), T);
            FakeDiscord.awaitCondition(() -> bot.jda().getThreadChannelById(threadId) != null, T, () -> "thread cached");
        }
        try (Store s = Store.open(store())) {
            assertThat(s.feedback().summaryOf(answerId)).isEqualTo(new dev.newsdesk.store.FeedbackRepository.Summary(0, 1, 1));
            assertThat(s.feedback().reportsOn(answerId)).singleElement().satisfies(r -> {
                assertThat(r.citation()).isEqualTo(2);
                assertThat(r.reason()).startsWith("wrong date: it is from 2021").doesNotContain("@everyone");
            });
        }

        // a new bot process: the thread's follow-up still carries the conversation, from the store
        try (AnswerLog log = AnswerLog.of(store()); NewsdeskBot bot = bot(log, 2, 8)) {
            FakeDiscord.awaitCondition(() -> bot.jda().getThreadChannelById(threadId) != null, T, () -> "thread known after restart");
            discord.sendMessageCreate(threadId, USERS.incrementAndGet(), "and who wrote it?", List.of());
            FakeDiscord.awaitCondition(() -> asked.stream().anyMatch(q -> q.text().equals("and who wrote it?")), T, () -> "follow-up asked");
            Question followUp = asked.stream().filter(q -> q.text().equals("and who wrote it?")).findFirst().orElseThrow();
            assertThat(followUp.history()).hasSize(1);
            assertThat(followUp.history().get(0).question()).isEqualTo("what did the memo say?");

            String insights = discord.sendSlashCommand(CHANNEL_ID, USERS.incrementAndGet(), List.of(ADMIN_ROLE_ID), "insights", Map.of());
            String shown = text(discord.awaitRequest(editOriginal(insights), T));
            assertThat(shown).contains("1 👎").contains("1 citations reported");
            String notAdmin = discord.sendSlashCommand(CHANNEL_ID, USERS.incrementAndGet(), "insights", Map.of());
            assertThat(discord.awaitRequest(callback(notAdmin), T).body().path("data").path("content").asText()).contains("admin");

            // /forget-me leaves nothing of the user
            String forget = discord.sendSlashCommand(CHANNEL_ID, user, "forget-me", Map.of());
            assertThat(text(discord.awaitRequest(editOriginal(forget), T))).contains("deleted");
        }
        try (Store s = Store.open(store())) {
            assertThat(s.questions().recent(100)).noneMatch(q -> q.userId().equals(Long.toString(user)));
            assertThat(s.feedback().reportsOn(answerId)).isEmpty();
        }
    }

    @Test
    void aFollowedTopicGetsADigestOfNewCoverageInItsChannel() throws Exception {
        long user = USERS.incrementAndGet();
        try (AnswerLog log = AnswerLog.of(store()); NewsdeskBot bot = bot(log, 2, 8)) {
            String follow = discord.sendSlashCommand(CHANNEL_ID, user, "follow", Map.of("topic", "interest rates"));
            assertThat(text(discord.awaitRequest(editOriginal(follow), T))).contains("Following “interest rates” here");
            String again = discord.sendSlashCommand(CHANNEL_ID, user, "follow", Map.of("topic", "Interest rates"));
            assertThat(text(discord.awaitRequest(editOriginal(again), T))).contains("already follows");
            String list = discord.sendSlashCommand(CHANNEL_ID, user, "following", Map.of());
            assertThat(text(discord.awaitRequest(editOriginal(list), T))).contains("interest rates").contains("no digest yet");

            bot.newCoverage(List.of("a1", "a2"));
            Request digest = discord.awaitRequest(r -> r.is("POST", "channels/" + CHANNEL_ID + "/messages")
                    && r.body().path("embeds").path(0).path("title").asText().startsWith("New coverage"), T);
            assertThat(digest.body().path("embeds").get(0).path("description").asText())
                    .contains("Rates rise again").doesNotContain("Memo");
            assertThat(digest.body().path("allowed_mentions").path("parse")).isEmpty();

            String stop = discord.sendSlashCommand(CHANNEL_ID, user, "unfollow", Map.of("topic", "interest rates"));
            assertThat(text(discord.awaitRequest(editOriginal(stop), T))).contains("Stopped following");
        }
    }

    @Test
    void twentyConcurrentAskersAreAllRecorded() throws Exception {
        int n = 24;
        try (AnswerLog log = AnswerLog.of(store()); NewsdeskBot bot = bot(log, 8, 64)) {
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                tokens.add(discord.sendSlashCommand(CHANNEL_ID, USERS.incrementAndGet(), "ask", Map.of("question", "Rates? #" + i)));
            }
            for (String t : tokens) discord.awaitRequest(editOriginal(t), T);
            assertThat(log.unrecorded()).isZero();
        }
        try (Store s = Store.open(store())) {
            List<QuestionRecord> all = s.questions().recent(100);
            assertThat(all).hasSize(n);
            assertThat(all).extracting(QuestionRecord::question).doesNotHaveDuplicates();
            assertThat(all).allSatisfy(q -> assertThat(q.citations()).hasSize(2));
        }
    }

    @Test
    void aBrokenDatabaseNeverStopsAnAnswer() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/newsdesk.db"), "not a database ".repeat(500));
        try (AnswerLog log = AnswerLog.of(store()); NewsdeskBot bot = bot(log, 2, 8)) {
            String ask = discord.sendSlashCommand(CHANNEL_ID, USERS.incrementAndGet(), "ask", Map.of("question", "Rates?"));
            Request answer = discord.awaitRequest(editOriginal(ask), T);
            assertThat(answer.body().path("embeds").get(0).path("description").asText()).contains("[1]");
            // not stored, so no buttons to vote with; the loss is counted
            assertThat(customIds(answer.body())).noneMatch(i -> i.startsWith(FeedbackButtons.PREFIX));
            assertThat(log.unrecorded()).isEqualTo(1);
            String insights = discord.sendSlashCommand(CHANNEL_ID, USERS.incrementAndGet(), List.of(ADMIN_ROLE_ID), "insights", Map.of());
            assertThat(text(discord.awaitRequest(editOriginal(insights), T))).contains("unavailable");
            Insights in = log.insights(LocalDate.now(ZoneOffset.UTC), LocalDate.now(ZoneOffset.UTC));
            assertThat(in.ok()).isFalse();
        }
        assertThat(Files.readString(dir.resolve("data/newsdesk.db"))).startsWith("not a database");
    }
}
