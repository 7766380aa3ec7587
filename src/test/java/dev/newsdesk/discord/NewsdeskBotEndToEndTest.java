package dev.newsdesk.discord;

import static dev.newsdesk.discord.FakeDiscord.ADMIN_ROLE_ID;
import static dev.newsdesk.discord.FakeDiscord.BOT_ID;
import static dev.newsdesk.discord.FakeDiscord.CHANNEL_ID;
import static dev.newsdesk.discord.FakeDiscord.MEMBER_ROLE_ID;
import static dev.newsdesk.discord.FakeDiscord.OTHER_CHANNEL_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsdesk.answer.Answer;
import dev.newsdesk.answer.Answerer;
import dev.newsdesk.answer.Question;
import dev.newsdesk.discord.FakeDiscord.Request;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The real JDA, driven by {@link NewsdeskBot}, against {@link FakeDiscord} on loopback. One bot for the class;
 * each test uses its own user ids so the (long) per-user cooldown never interferes between tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewsdeskBotEndToEndTest {
    static final Duration T = Duration.ofSeconds(20);
    static final AtomicLong USERS = new AtomicLong(FakeDiscord.USER_ID + 1000);

    FakeDiscord discord;
    NewsdeskBot bot;
    final List<Question> asked = new CopyOnWriteArrayList<>();
    final List<String> compared = new CopyOnWriteArrayList<>();
    volatile CountDownLatch gate = new CountDownLatch(0);
    final Answerer answerer = q -> {
        asked.add(q);
        try {
            gate.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return TestCorpus.answer(q.text());
    };

    @BeforeAll
    void start() throws Exception {
        discord = new FakeDiscord();
        DiscordSettings settings = DiscordSettings.defaults(() -> "test-token")
                .withEndpoints(discord.restUrl(), discord.gatewayUrl())
                .withGuilds(Set.of(FakeDiscord.GUILD_ID))
                .withAccess(Set.of(CHANNEL_ID), Set.of(MEMBER_ROLE_ID, ADMIN_ROLE_ID), Set.of(ADMIN_ROLE_ID))
                .withLimits(Duration.ofHours(1), 2, 4);
        Features features = new Features((topic, filters) -> TestCorpus.answer("summary of " + topic), (topic, outlets) -> {
            compared.add(topic + " | " + String.join(" | ", outlets));
            return TestCorpus.answer("comparison of " + topic);
        });
        bot = new NewsdeskBot(settings, answerer, TestCorpus.CATALOG, TestCorpus.RETRIEVER, Optional.of(features),
                progress -> {
                    progress.update(1, 2, "3 passages");
                    return "indexed 2 articles";
                });
        bot.start();
    }

    @AfterAll
    void stop() {
        if (bot != null) bot.close();
        if (discord != null) discord.close();
    }

    @AfterEach
    void everyMessageIsSafeAndWithinLimits() {
        discord.requests().forEach(NewsdeskBotEndToEndTest::assertSafe);
    }

    static long newUser() {
        return USERS.incrementAndGet();
    }

    static Predicate<Request> callback(String token) {
        return r -> r.is("POST", "interactions/\\d+/" + token + "/callback");
    }

    static Predicate<Request> editOriginal(String token) {
        return r -> r.is("PATCH", "webhooks/\\d+/" + token + "/messages/@original");
    }

    static Predicate<Request> followup(String token) {
        return r -> r.is("POST", "webhooks/\\d+/" + token);
    }

    // ---- connection and registration ----------------------------------------------------------------------

    @Test
    void connectsIdentifiesAndRegistersCommandsInTheGuild() {
        assertThat(discord.identifyCount()).isEqualTo(1);
        JsonNode identify = discord.gatewayReceived().stream().filter(p -> p.path("op").asInt() == 2).findFirst().orElseThrow();
        assertThat(identify.path("d").path("token").asText()).isEqualTo("test-token");
        // GUILDS (1) + GUILD_MESSAGES (512) + MESSAGE_CONTENT (32768): nothing else.
        assertThat(identify.path("d").path("intents").asInt()).isEqualTo(1 | 512 | 32768);
        assertThat(discord.requests().get(0).path()).isEqualTo("users/@me");
        Request reg = discord.awaitRequest(r -> r.is("PUT", "applications/\\d+/guilds/" + FakeDiscord.GUILD_ID + "/commands"), T);
        List<String> names = new ArrayList<>();
        reg.body().forEach(c -> names.add(c.path("name").asText()));
        assertThat(names).containsExactlyInAnyOrder("ask", "cite", "compare", "outlets", "reindex", "source", "summary",
                "forget-me", "insights", "follow", "unfollow", "following",
                AskAboutMessageCommand.NAME);
        assertThat(discord.requests(r -> r.is("PUT", "applications/\\d+/commands"))).isEmpty();
        assertThat(bot.jda().getGuilds()).hasSize(1);
        assertThat(bot.readyLine()).isEqualTo("ready as newsdesk in 1 guilds");
    }

    // ---- /ask ---------------------------------------------------------------------------------------------

    @Test
    void askDefersThenEditsTheAnswerWithCitationsButtonsAndNoPings() {
        String token = discord.sendSlashCommand(CHANNEL_ID, newUser(), "ask",
                Map.of("question", "What happened to rates?", "outlet", "Reuters", "since", "2024-01-01"));
        Request defer = discord.awaitRequest(callback(token), T);
        assertThat(defer.body().path("type").asInt()).isEqualTo(5);
        Request edit = discord.awaitRequest(editOriginal(token), T);
        JsonNode embed = edit.body().path("embeds").get(0);
        String description = embed.path("description").asText();
        assertThat(embed.path("title").asText()).isEqualTo("What happened to rates?");
        assertThat(description).contains("Rates went up by half a point [1]").contains("**Sources**")
                .contains("[1] Reuters — Rates rise again (2024-03-05) <https://example.com/rates>")
                .contains("[2] The Daily <@\u200b&42> — Memo to @\u200beveryone (2024-03-06) <https://example.com/memo>")
                .doesNotContain("@everyone");
        assertThat(edit.body().path("allowed_mentions").path("parse")).isEmpty();
        JsonNode row = edit.body().path("components").get(0);
        assertThat(row.path("components")).hasSize(2);
        assertThat(row.path("components").get(0).path("label").asText()).isEqualTo("Source 1");
        // The filters reached the answerer.
        Question q = asked.stream().filter(x -> x.text().equals("What happened to rates?")).findFirst().orElseThrow();
        assertThat(q.filters().outlets()).containsExactly("Reuters");
        assertThat(q.filters().since()).hasToString("2024-01-01");
        // Exactly one edit, and the defer came first.
        assertThat(discord.requests(editOriginal(token))).hasSize(1);
        assertThat(discord.requests().indexOf(defer)).isLessThan(discord.requests().indexOf(edit));
    }

    @Test
    void badDateIsAnEphemeralErrorWithoutDefer() {
        String token = discord.sendSlashCommand(CHANNEL_ID, newUser(), "ask", Map.of("question", "x?", "since", "March"));
        Request reply = discord.awaitRequest(callback(token), T);
        assertThat(reply.body().path("type").asInt()).isEqualTo(4);
        assertThat(reply.body().path("data").path("flags").asInt() & 64).isEqualTo(64);
        assertThat(reply.body().path("data").path("content").asText()).contains("YYYY-MM-DD");
    }

    @Test
    void badDateAndUnknownOutletSayWhatToDoEphemerally() {
        String date = discord.sendSlashCommand(CHANNEL_ID, newUser(), "ask", Map.of("question", "x?", "since", "2024-99-99"));
        assertThat(discord.awaitRequest(callback(date), T).body().path("data").path("content").asText())
                .isEqualTo("since '2024-99-99' is not a date; use YYYY-MM-DD (e.g. 2024-04-16)");
        for (String command : List.of("ask", "summary")) {
            String option = command.equals("ask") ? "question" : "topic";
            String token = discord.sendSlashCommand(CHANNEL_ID, newUser(), command, Map.of(option, "rates", "outlet", "Reuter"));
            Request reply = discord.awaitRequest(callback(token), T);
            assertThat(reply.body().path("type").asInt()).as("no defer: %s", reply).isEqualTo(4);
            assertThat(reply.body().path("data").path("flags").asInt() & 64).isEqualTo(64);
            String text = reply.body().path("data").path("content").asText();
            assertThat(text).startsWith("outlet \"Reuter\" is not an indexed outlet (did you mean Reuters?); the index has Reuters")
                    .doesNotContain("Exception").doesNotContain("java.").doesNotContain("dev.newsdesk");
        }
    }

    @Test
    void compareNamesAnUnknownOutletWithTheNearestOne() {
        String token = discord.sendSlashCommand(CHANNEL_ID, newUser(), "compare", Map.of("topic", "rates", "outlets", "Reuters, Reuter"));
        Request reply = discord.awaitRequest(callback(token), T);
        assertThat(reply.body().path("type").asInt()).as("no defer: %s", reply).isEqualTo(4);
        assertThat(reply.body().path("data").path("flags").asInt() & 64).isEqualTo(64);
        assertThat(reply.body().path("data").path("content").asText())
                .startsWith("outlets \"Reuter\" is not an indexed outlet (did you mean Reuters?)");
    }

    @Test
    void perUserCooldownIsPoliteAndEphemeral() {
        long user = newUser();
        String first = discord.sendSlashCommand(CHANNEL_ID, user, "ask", Map.of("question", "First question?"));
        discord.awaitRequest(editOriginal(first), T);
        String second = discord.sendSlashCommand(CHANNEL_ID, user, "ask", Map.of("question", "Second question?"));
        Request reply = discord.awaitRequest(callback(second), T);
        assertThat(reply.body().path("type").asInt()).isEqualTo(4);
        assertThat(reply.body().path("data").path("flags").asInt() & 64).isEqualTo(64);
        assertThat(reply.body().path("data").path("content").asText()).startsWith("Please wait");
    }

    @Test
    void channelAndRoleAllowListsAreEnforced() {
        String wrongChannel = discord.sendSlashCommand(OTHER_CHANNEL_ID, newUser(), "ask", Map.of("question", "Hi?"));
        assertThat(discord.awaitRequest(callback(wrongChannel), T).body().path("data").path("content").asText())
                .isEqualTo(AccessPolicy.NOT_ALLOWED_CHANNEL);
        String noRole = discord.sendSlashCommand(CHANNEL_ID, newUser(), List.of(), "ask", Map.of("question", "Hi?"));
        assertThat(discord.awaitRequest(callback(noRole), T).body().path("data").path("content").asText())
                .isEqualTo(AccessPolicy.NOT_ALLOWED_ROLE);
    }

    // ---- buttons, /cite, autocomplete ---------------------------------------------------------------------

    @Test
    void sourceButtonRevealsTheCitationEphemerally() {
        String token = discord.sendSlashCommand(CHANNEL_ID, newUser(), "ask", Map.of("question", "Memo?"));
        Request edit = discord.awaitRequest(editOriginal(token), T);
        String customId = edit.body().path("components").get(0).path("components").get(1).path("custom_id").asText();
        JsonNode message = discord.message(discord.newId(), CHANNEL_ID, discord.user(BOT_ID), "", List.of());
        ((com.fasterxml.jackson.databind.node.ObjectNode) message).set("components", edit.body().path("components"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) message).set("embeds", edit.body().path("embeds"));
        String click = discord.sendButton(CHANNEL_ID, newUser(), customId, message);
        Request defer = discord.awaitRequest(callback(click), T);
        assertThat(defer.body().path("type").asInt()).isEqualTo(5);
        assertThat(defer.body().path("data").path("flags").asInt() & 64).isEqualTo(64);
        String shown = discord.awaitRequest(editOriginal(click), T).body().path("embeds").get(0).path("description").asText();
        assertThat(shown).contains("**[2] Memo to @\u200beveryone**")
                .contains("**@\u200beveryone please read the memo from <@\u200b&42> today.**")
                .contains("The memo described new rules").doesNotContain("@everyone");
    }

    @Test
    void citeShowsTheNthCitationOfTheLastAnswerInContext() {
        String ask = discord.sendSlashCommand(CHANNEL_ID, newUser(), "ask", Map.of("question", "Rates?"));
        discord.awaitRequest(editOriginal(ask), T);
        String token = discord.sendSlashCommand(CHANNEL_ID, newUser(), "cite", Map.of("number", 1));
        assertThat(discord.awaitRequest(callback(token), T).body().path("type").asInt()).isEqualTo(5);
        String d = discord.awaitRequest(editOriginal(token), T).body().path("embeds").get(0).path("description").asText();
        assertThat(d).contains("**[1] Rates rise again**").contains("Reuters · 2024-03-05 · <https://example.com/rates>")
                .contains("The central bank **raised interest rates by half a point** on Tuesday.");
        String missing = discord.sendSlashCommand(CHANNEL_ID, newUser(), "cite", Map.of("number", 9));
        assertThat(discord.awaitRequest(callback(missing), T).body().path("data").path("content").asText())
                .contains("citations 1 to 2");
    }

    @Test
    void outletOptionAutocompletesFromTheCatalog() {
        String token = discord.sendAutocomplete(CHANNEL_ID, newUser(), "ask", Map.of("question", "x", "outlet", "re"), "outlet");
        Request r = discord.awaitRequest(callback(token), T);
        assertThat(r.body().path("type").asInt()).isEqualTo(8);
        List<String> names = new ArrayList<>();
        r.body().path("data").path("choices").forEach(c -> names.add(c.path("name").asText()));
        assertThat(names).containsExactly("Reuters", "Associated Press");
    }

    // ---- the other commands -------------------------------------------------------------------------------

    @Test
    void summaryDefersThenEditsTheCitedSummary() {
        String summary = discord.sendSlashCommand(CHANNEL_ID, newUser(), "summary", Map.of("topic", "rates"));
        assertThat(discord.awaitRequest(callback(summary), T).body().path("type").asInt()).isEqualTo(5);
        Request edit = discord.awaitRequest(editOriginal(summary), T);
        JsonNode embed = edit.body().path("embeds").get(0);
        assertThat(embed.path("title").asText()).isEqualTo("Summary: rates");
        assertThat(embed.path("description").asText()).contains("Rates went up by half a point [1]").contains("**Sources**")
                .contains("[1] Reuters — Rates rise again (2024-03-05)");
        assertThat(edit.body().path("components").get(0).path("components")).hasSize(2);
        assertThat(discord.requests(editOriginal(summary))).hasSize(1);
    }

    @Test
    void compareDefersThenEditsTheCitedComparisonOfTheNamedOutlets() {
        String compare = discord.sendSlashCommand(CHANNEL_ID, newUser(), "compare",
                Map.of("topic", " rates ", "outlets", "Reuters, The Daily <@&42>,, Reuters"));
        assertThat(discord.awaitRequest(callback(compare), T).body().path("type").asInt()).isEqualTo(5);
        Request edit = discord.awaitRequest(editOriginal(compare), T);
        JsonNode embed = edit.body().path("embeds").get(0);
        assertThat(embed.path("title").asText()).isEqualTo("Compare: rates");
        assertThat(embed.path("description").asText()).contains("Rates went up by half a point [1]").contains("**Sources**")
                .contains("[2] The Daily <@\u200b&42> — Memo to @\u200beveryone (2024-03-06)");
        assertThat(edit.body().path("components").get(0).path("components")).hasSize(2);
        assertThat(compared).contains("rates | Reuters | The Daily <@&42>"); // trimmed, blanks and repeats dropped
        // the outlets option completes the last outlet typed, keeping the ones before it
        String ac = discord.sendAutocomplete(CHANNEL_ID, newUser(), "compare", Map.of("topic", "x", "outlets", "The Daily, re"), "outlets");
        Request choices = discord.awaitRequest(callback(ac), T);
        assertThat(choices.body().path("type").asInt()).isEqualTo(8);
        assertThat(choices.body().path("data").path("choices").get(0).path("value").asText()).isEqualTo("The Daily, Reuters");
    }

    @Test
    void sourceFindsExactAndNearMatches() {
        String token = discord.sendSlashCommand(CHANNEL_ID, newUser(), "source",
                Map.of("quote", "“inflation remained ‘stubbornly   high’ across the region”"));
        String d = discord.awaitRequest(editOriginal(token), T).body().path("embeds").get(0).path("description").asText();
        assertThat(d).contains("**exact** — Reuters — Rates rise again");
        String near = discord.sendSlashCommand(CHANNEL_ID, newUser(), "source",
                Map.of("quote", "the memo described rules for newsroom editors"));
        String d2 = discord.awaitRequest(editOriginal(near), T).body().path("embeds").get(0).path("description").asText();
        assertThat(d2).contains("*near* — The Daily <@\u200b&42> — Memo to @\u200beveryone");
    }

    @Test
    void outletsListsTheCatalog() {
        String token = discord.sendSlashCommand(CHANNEL_ID, newUser(), "outlets", Map.of());
        JsonNode embed = discord.awaitRequest(editOriginal(token), T).body().path("embeds").get(0);
        assertThat(embed.path("title").asText()).isEqualTo("3 outlets");
        assertThat(embed.path("description").asText()).contains("2 articles, 2 passages, 2024-03-05 to 2024-03-06")
                .contains("• Reuters — 1 article");
    }

    @Test
    void reindexIsForAdminsOnly() {
        String denied = discord.sendSlashCommand(CHANNEL_ID, newUser(), "reindex", Map.of());
        assertThat(discord.awaitRequest(callback(denied), T).body().path("data").path("content").asText())
                .contains("admin role");
        String ok = discord.sendSlashCommand(CHANNEL_ID, newUser(), List.of(ADMIN_ROLE_ID), "reindex", Map.of());
        assertThat(discord.awaitRequest(callback(ok), T).body().path("data").path("flags").asInt() & 64).isEqualTo(64);
        // the reply is edited with progress first, then with the summary
        List<FakeDiscord.Request> edits = discord.awaitRequests(editOriginal(ok), 2, T);
        assertThat(edits.get(0).body().path("embeds").get(0).path("description").asText())
                .isEqualTo("1 of 2 articles (50%), 3 passages");
        assertThat(edits.get(1).body().path("embeds").get(0).path("description").asText())
                .isEqualTo("indexed 2 articles");
    }

    @Test
    void messageContextMenuAsksAboutTheMessageText() {
        String token = discord.sendMessageContext(CHANNEL_ID, newUser(), AskAboutMessageCommand.NAME, newUser(),
                "Did the central bank raise rates?");
        assertThat(discord.awaitRequest(callback(token), T).body().path("type").asInt()).isEqualTo(5);
        assertThat(discord.awaitRequest(editOriginal(token), T).body().path("embeds").get(0).path("title").asText())
                .isEqualTo("Did the central bank raise rates?");
    }

    // ---- mentions and threads -----------------------------------------------------------------------------

    @Test
    void mentionStartsAThreadAndFollowUpsCarryTheConversation() {
        long user = newUser();
        var mention = discord.sendMessageCreate(CHANNEL_ID, user, "<@" + BOT_ID + "> what did the memo say?", List.of(BOT_ID));
        String messageId = mention.get("id").asText();
        Request thread = discord.awaitRequest(r -> r.is("POST", "channels/" + CHANNEL_ID + "/messages/" + messageId + "/threads"), T);
        assertThat(thread.body().path("name").asText()).isEqualTo("what did the memo say?");
        long threadId = Long.parseLong(messageId);
        Request first = discord.awaitRequest(r -> r.is("POST", "channels/" + threadId + "/messages"), T);
        assertThat(first.body().path("embeds").get(0).path("description").asText()).contains("[1]").contains("**Sources**");
        FakeDiscord.awaitCondition(() -> bot.jda().getThreadChannelById(threadId) != null, T, () -> "thread cached");

        discord.sendMessageCreate(threadId, newUser(), "and who wrote it?", List.of());
        discord.awaitRequests(r -> r.is("POST", "channels/" + threadId + "/messages"), 2, T);
        Question followUp = asked.stream().filter(q -> q.text().equals("and who wrote it?")).findFirst().orElseThrow();
        assertThat(followUp.history()).hasSize(1);
        assertThat(followUp.history().get(0).question()).isEqualTo("what did the memo say?");
        assertThat(followUp.history().get(0).answer()).startsWith("Rates went up");
    }

    @Test
    void messagesWithoutMentionAreIgnored() {
        discord.sendMessageCreate(CHANNEL_ID, newUser(), "just chatting about rates", List.of());
        String probe = discord.sendSlashCommand(CHANNEL_ID, newUser(), "outlets", Map.of());
        discord.awaitRequest(editOriginal(probe), T);
        assertThat(asked).noneMatch(q -> q.text().contains("just chatting"));
    }

    // ---- reliability --------------------------------------------------------------------------------------

    @Test
    void gatewayDropMidAnswerResumesAndTheAnswerArrivesExactlyOnce() {
        CountDownLatch slow = new CountDownLatch(1);
        gate = slow;
        try {
            String token = discord.sendSlashCommand(CHANNEL_ID, newUser(), "ask", Map.of("question", "Slow question?"));
            discord.awaitRequest(callback(token), T);
            FakeDiscord.awaitCondition(() -> asked.stream().anyMatch(q -> q.text().equals("Slow question?")), T, () -> "asked");
            int resumes = discord.resumeCount();
            discord.dropGateway();
            FakeDiscord.awaitCondition(() -> discord.resumeCount() > resumes, Duration.ofSeconds(60), () -> "JDA resumed");
            slow.countDown();
            discord.awaitRequest(editOriginal(token), T);
            // A fresh interaction after the resume still works.
            String after = discord.sendSlashCommand(CHANNEL_ID, newUser(), "outlets", Map.of());
            discord.awaitRequest(editOriginal(after), T);
            assertThat(discord.requests(editOriginal(token))).hasSize(1);
            assertThat(discord.identifyCount()).isEqualTo(1);
        } finally {
            gate = new CountDownLatch(0);
            slow.countDown();
        }
    }

    @Test
    void aSlowAnswerDoesNotHoldUpOthers() {
        CountDownLatch slow = new CountDownLatch(1);
        gate = slow;
        String slowToken = discord.sendSlashCommand(CHANNEL_ID, newUser(), "ask", Map.of("question", "Very slow?"));
        FakeDiscord.awaitCondition(() -> asked.stream().anyMatch(q -> q.text().equals("Very slow?")), T, () -> "asked");
        gate = new CountDownLatch(0);
        try {
            String fast = discord.sendSlashCommand(CHANNEL_ID, newUser(), "ask", Map.of("question", "Quick one?"));
            discord.awaitRequest(editOriginal(fast), T);
            assertThat(discord.requests(editOriginal(slowToken))).isEmpty();
        } finally {
            slow.countDown();
        }
        discord.awaitRequest(editOriginal(slowToken), T);
    }

    // ---- token --------------------------------------------------------------------------------------------

    @Test
    void rejectedTokenIsOneClearLine() {
        DiscordSettings bad = DiscordSettings.defaults(() -> FakeDiscord.BAD_TOKEN)
                .withEndpoints(discord.restUrl(), discord.gatewayUrl());
        try (NewsdeskBot b = new NewsdeskBot(bad, answerer, TestCorpus.CATALOG, TestCorpus.RETRIEVER, Optional.empty(), null)) {
            assertThatThrownBy(b::start).isInstanceOf(IllegalStateException.class).hasNoCause()
                    .hasMessageStartingWith("Discord rejected the bot token").hasMessageNotContaining("\n");
        }
    }

    // ---- Discord's limits and manners, checked on every request -------------------------------------------

    static void assertSafe(Request r) {
        JsonNode body = r.body();
        if (body == null) return;
        JsonNode message = null;
        if (r.path().matches("interactions/\\d+/[^/]+/callback")) {
            if (body.path("type").asInt() == 4) message = body.path("data");
            if (body.path("type").asInt() == 8) assertThat(body.path("data").path("choices").size()).isLessThanOrEqualTo(25);
        } else if (r.path().startsWith("webhooks/") && (r.method().equals("PATCH") || r.method().equals("POST"))
                || r.path().matches("channels/\\d+/messages") && r.method().equals("POST")) {
            message = body;
        }
        if (message == null) return;
        assertThat(message.path("allowed_mentions").path("parse").isArray()).as("allowed_mentions.parse in %s", r).isTrue();
        assertThat(message.path("allowed_mentions").path("parse")).as("no mention types in %s", r).isEmpty();
        assertThat(message.path("allowed_mentions").path("users")).as("no users in %s", r).isEmpty();
        assertThat(message.path("allowed_mentions").path("roles")).as("no roles in %s", r).isEmpty();
        assertThat(message.path("content").asText("")).hasSizeLessThanOrEqualTo(2000).doesNotContain("@everyone").doesNotContain("@here");
        assertThat(message.path("embeds").size()).isLessThanOrEqualTo(10);
        for (JsonNode e : message.path("embeds")) {
            assertThat(e.path("description").asText("")).hasSizeLessThanOrEqualTo(4096).doesNotContain("@everyone");
            assertThat(e.path("title").asText("")).hasSizeLessThanOrEqualTo(256);
            assertThat(e.path("fields").size()).isLessThanOrEqualTo(25);
        }
        assertThat(message.path("components").size()).isLessThanOrEqualTo(5);
        for (JsonNode row : message.path("components")) {
            assertThat(row.path("components").size()).isLessThanOrEqualTo(5);
            for (JsonNode b : row.path("components")) assertThat(b.path("label").asText("")).hasSizeLessThanOrEqualTo(80);
        }
    }
}
