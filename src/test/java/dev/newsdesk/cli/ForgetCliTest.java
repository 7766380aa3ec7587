package dev.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.store.FeedbackRepository;
import dev.newsdesk.store.QuestionRecord;
import dev.newsdesk.store.Store;
import dev.newsdesk.store.StoreSettings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForgetCliTest {
    @TempDir
    Path home;

    private StoreSettings settings() {
        return StoreSettings.fromEnvironment(Map.of(), null, home.resolve("data"), 90);
    }

    private static QuestionRecord q(String user) {
        return new QuestionRecord(0, Instant.parse("2026-12-01T00:00:00Z"), QuestionRecord.Surface.CLI, null, null, null,
                user, "question of " + user, "answer", List.of(), false, "extractive", 5);
    }

    @Test
    void forgetUserLeavesNothingOfThatUserWithoutAnIndex() throws Exception {
        try (Store store = Store.open(settings())) {
            long theirs = store.questions().record(q("u2"));
            store.questions().record(q("u1"));
            store.feedback().vote(theirs, "u1", FeedbackRepository.Vote.DOWN);
        }
        Cli.Result r = Cli.run("forget", "--user", "u1", "--home", home.toString());
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).contains("u1").contains("2 stored rows");
        try (Store store = Store.open(settings())) {
            assertThat(store.questions().recent(10)).extracting(QuestionRecord::userId).containsExactly("u2");
            assertThat(store.feedback().voteOf(store.questions().recent(1).get(0).id(), "u1")).isEmpty();
        }
    }

    @Test
    void historyIsNewestFirstAsJson() throws Exception {
        try (Store store = Store.open(settings())) {
            store.questions().record(q("u1"));
            store.questions().record(new QuestionRecord(0, Instant.parse("2026-12-02T00:00:00Z"), QuestionRecord.Surface.DISCORD,
                    "g", "c", "t", "u2", "newer", "", List.of(), true, "extractive", 5));
        }
        Cli.Result r = Cli.run("history", "--json", "--limit", "5", "--home", home.toString());
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.json()).hasSize(2);
        assertThat(r.json().get(0).get("question").asText()).isEqualTo("newer");
        assertThat(r.json().get(0).get("abstained").asBoolean()).isTrue();
        assertThat(r.json().get(0).get("surface").asText()).isEqualTo("discord");
    }

    @Test
    void blankUserIsRefusedWithTheFix() {
        Cli.Result r = Cli.run("forget", "--user", " ", "--home", home.toString());
        assertThat(r.status()).isNotZero();
        assertThat(r.assertNoStackTrace().err()).contains("--user is empty");
    }
}
