package dev.newsdesk.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.store.AnswerLog;
import dev.newsdesk.store.FollowRepository.Follow;
import dev.newsdesk.store.Store;
import dev.newsdesk.store.StoreSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import net.dv8tion.jda.api.entities.MessageEmbed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Digests of /follow over a real SQLite store: only new, matching articles; at most one post per interval, batched. */
class FollowDigestsTest {
    @TempDir
    Path dir;

    record Post(long channel, MessageEmbed embed) {}

    static final class Moving extends Clock {
        volatile Instant now = Instant.parse("2026-12-07T10:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void onlyNewMatchingArticlesAreDigestedAtMostOncePerInterval() throws Exception {
        List<Post> posts = new CopyOnWriteArrayList<>();
        Moving clock = new Moving();
        try (Store store = Store.open(StoreSettings.fromEnvironment(Map.of(), null, dir, 90));
             AnswerLog log = AnswerLog.over(store)) {
            assertThat(log.follow(new Follow(0, "g", "300", "interest rates", "", "u1", clock.now, Instant.EPOCH))).contains(true);
            assertThat(log.follow(new Follow(0, "g", "300", "Interest Rates", "", "u2", clock.now, Instant.EPOCH)))
                    .as("the same topic again").contains(false);
            assertThat(log.follow(new Follow(0, "g", "301", "memo", "", "u1", clock.now, Instant.EPOCH))).contains(true);
            FollowDigests digests = new FollowDigests(TestCorpus.RETRIEVER, log,
                    (channel, embed) -> posts.add(new Post(channel, embed)), Duration.ofHours(1), clock);

            // a1 is about rates, a2 is the memo: each channel gets only its topic's article
            digests.newCoverage(List.of("a1", "a2"));
            assertThat(posts).hasSize(2);
            Post rates = posts.stream().filter(p -> p.channel() == 300).findFirst().orElseThrow();
            assertThat(rates.embed().getTitle()).isEqualTo("New coverage: interest rates");
            assertThat(rates.embed().getDescription()).contains("**[1] Rates rise again**").contains("Reuters · 2024-03-05")
                    .doesNotContain("Memo");
            Post memo = posts.stream().filter(p -> p.channel() == 301).findFirst().orElseThrow();
            assertThat(memo.embed().getDescription()).contains("Memo to @\u200beveryone").doesNotContain("@everyone");

            // an article that is not new is not digested; a new one within the hour waits for the next post
            posts.clear();
            digests.newCoverage(List.of("zzz"));
            assertThat(posts).isEmpty();
            digests.newCoverage(List.of("a1"));
            assertThat(posts).as("within the interval").isEmpty();
            clock.now = clock.now.plus(Duration.ofMinutes(61));
            digests.flushDue();
            assertThat(posts).singleElement().satisfies(p -> assertThat(p.channel()).isEqualTo(300));

            // unfollowed: nothing more is posted there
            posts.clear();
            assertThat(log.unfollow("300", "INTEREST RATES ")).hasValue(1);
            clock.now = clock.now.plus(Duration.ofHours(2));
            digests.newCoverage(List.of("a1"));
            assertThat(posts).isEmpty();
            assertThat(log.following("300")).contains(List.of());
        }
    }

    @Test
    void topicWordsAreTheContentWords() {
        assertThat(FollowDigests.terms("The interest rates and inflation")).containsExactly("interest", "rates", "inflation");
        assertThat(FollowDigests.terms("AI")).containsExactly("ai");
    }
}
