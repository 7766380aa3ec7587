package dev.newsdesk.discord;

import static dev.newsdesk.discord.FakeDiscord.CHANNEL_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsdesk.answer.Answer;
import dev.newsdesk.answer.Answerer;
import dev.newsdesk.discord.FakeDiscord.Request;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Limits and shutdown, each with its own FakeDiscord and bot (max 1 concurrent answer, queue of 1, no cooldown). */
class NewsdeskBotLifecycleTest {
    static final Duration T = Duration.ofSeconds(20);
    final AtomicLong users = new AtomicLong(FakeDiscord.USER_ID + 5000);
    final CountDownLatch gate = new CountDownLatch(1);
    final AtomicInteger started = new AtomicInteger();

    NewsdeskBot bot(FakeDiscord discord, Answerer answerer) throws InterruptedException {
        DiscordSettings s = DiscordSettings.defaults(() -> "t").withEndpoints(discord.restUrl(), discord.gatewayUrl())
                .withLimits(Duration.ZERO, 1, 1);
        NewsdeskBot bot = new NewsdeskBot(s, answerer, TestCorpus.CATALOG, TestCorpus.RETRIEVER, Optional.empty(), null);
        bot.start();
        return bot;
    }

    Answerer gated() {
        return q -> {
            started.incrementAndGet();
            try {
                gate.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return TestCorpus.answer(q.text());
        };
    }

    String ask(FakeDiscord d, String q) {
        return d.sendSlashCommand(CHANNEL_ID, users.incrementAndGet(), "ask", Map.of("question", q));
    }

    static boolean isCallback(Request r, String token) {
        return r.is("POST", "interactions/\\d+/" + token + "/callback");
    }

    static boolean isEdit(Request r, String token) {
        return r.is("PATCH", "webhooks/\\d+/" + token + "/messages/@original");
    }

    @Test
    void commandsAreRegisteredGloballyWithoutGuildIds() throws Exception {
        try (FakeDiscord d = new FakeDiscord(); NewsdeskBot bot = bot(d, q -> TestCorpus.answer(q.text()))) {
            d.awaitRequest(r -> r.is("PUT", "applications/\\d+/commands"), T);
            assertThat(d.requests(r -> r.path().contains("/guilds/"))).isEmpty();
            // without the coverage features, /summary and /compare exist and say so politely (ephemeral)
            for (String cmd : java.util.List.of("summary", "compare")) {
                String token = d.sendSlashCommand(CHANNEL_ID, users.incrementAndGet(), cmd, Map.of("topic", "rates"));
                Request r = d.awaitRequest(x -> isCallback(x, token), T);
                assertThat(r.body().path("data").path("content").asText()).contains("not available yet");
                assertThat(r.body().path("data").path("flags").asInt() & 64).isEqualTo(64);
            }
        }
    }

    @Test
    void aFullQueueIsTurnedAwayPolitely() throws Exception {
        try (FakeDiscord d = new FakeDiscord(); NewsdeskBot bot = bot(d, gated())) {
            String running = ask(d, "one?");
            FakeDiscord.awaitCondition(() -> started.get() == 1, T, () -> "first answer started");
            String queued = ask(d, "two?");
            d.awaitRequest(r -> isCallback(r, queued), T);
            String rejected = ask(d, "three?");
            Request r = d.awaitRequest(x -> isCallback(x, rejected), T);
            assertThat(r.body().path("type").asInt()).isEqualTo(4);
            assertThat(r.body().path("data").path("flags").asInt() & 64).isEqualTo(64);
            assertThat(r.body().path("data").path("content").asText()).isEqualTo(Replies.BUSY);
            gate.countDown();
            d.awaitRequest(x -> isEdit(x, running), T);
            d.awaitRequest(x -> isEdit(x, queued), T);
        }
    }

    @Test
    void closeFinishesAnswersInFlight() throws Exception {
        try (FakeDiscord d = new FakeDiscord()) {
            NewsdeskBot bot = bot(d, gated());
            String token = ask(d, "in flight?");
            FakeDiscord.awaitCondition(() -> started.get() == 1, T, () -> "answer started");
            Thread closer = Thread.ofPlatform().start(bot::close);
            // While closing, new questions are turned away (JDA is still connected during the grace period).
            FakeDiscord.awaitCondition(() -> closer.getState() == Thread.State.TIMED_WAITING, T, () -> "close waiting");
            String late = ask(d, "too late?");
            assertThat(d.awaitRequest(r -> isCallback(r, late), T).body().path("data").path("content").asText())
                    .isEqualTo(Replies.CLOSING);
            gate.countDown();
            closer.join(TimeUnit.SECONDS.toMillis(60));
            assertThat(closer.isAlive()).isFalse();
            assertThat(d.requests(r -> isEdit(r, token))).hasSize(1);
            assertThat(bot.jda().getStatus()).isEqualTo(net.dv8tion.jda.api.JDA.Status.SHUTDOWN);
        }
    }

    @Test
    void aLongAnswerIsSplitIntoMessagesWithSourcesWholeAndPreviewsSuppressed() throws Exception {
        String para = "The committee met again and discussed the outlook for prices in detail [1]. ".repeat(20);
        Answerer longAnswer = q -> {
            Answer a = TestCorpus.answer(q.text());
            return new Answer(a.question(), (para + "\n\n").repeat(4) + "Staff were told [2].", false, a.citations(),
                    a.answerer(), null, List.of());
        };
        try (FakeDiscord d = new FakeDiscord(); NewsdeskBot bot = bot(d, longAnswer)) {
            String token = ask(d, "long?");
            Request first = d.awaitRequest(r -> isEdit(r, token), T);
            // Follow-ups are sent one after another; the sources message is the last.
            d.awaitRequest(r -> r.is("POST", "webhooks/\\d+/" + token) && r.body().path("content").asText().startsWith("**Sources**"), T);
            List<Request> more = d.requests(r -> r.is("POST", "webhooks/\\d+/" + token));
            assertThat(more).hasSize(4);
            List<JsonNode> all = new ArrayList<>();
            all.add(first.body());
            more.forEach(r -> all.add(r.body()));
            for (JsonNode m : all) {
                assertThat(m.path("content").asText().length()).isBetween(1, 2000);
                assertThat(m.path("flags").asInt() & 4).as("SUPPRESS_EMBEDS in %s", m).isEqualTo(4);
                assertThat(m.path("allowed_mentions").path("parse")).isEmpty();
            }
            JsonNode last = all.get(all.size() - 1);
            assertThat(last.path("content").asText()).startsWith("**Sources**").contains("[1] Reuters").contains("[2] The Daily");
            assertThat(last.path("components").get(0).path("components")).hasSize(2);
            all.subList(0, all.size() - 1).forEach(m -> assertThat(m.path("content").asText()).doesNotContain("**Sources**"));
        }
    }
}
