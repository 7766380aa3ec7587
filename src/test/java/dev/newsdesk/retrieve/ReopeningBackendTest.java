package dev.newsdesk.retrieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The bot's backend: opened on first use, a failed open remembered for the cool-down, usable once it opens. */
class ReopeningBackendTest {
    private static final Hit HIT = new Hit("a:0", "a", 0, 0, 4, "text", "Title", "Outlet", null, null, 1.0, "text");

    /** A backend whose searches return one hit; only what the test touches. */
    private static SearchBackend open() {
        return new SearchBackend() {
            public String name() { return "stub"; }
            public Retriever lexical(boolean snippets) { return r -> List.of(HIT); }
            public Retriever dense() { return r -> List.of(HIT); }
            public Retriever sentences(boolean snippets) { return r -> List.of(HIT); }
            public Catalog catalog() { throw new UnsupportedOperationException(); }
            public Lexicon lexicon() { throw new UnsupportedOperationException(); }
            public String embeddingModel() { return Embeddings.NONE; }
            public long generation() { return 7; }
            public void refresh() {}
            public void close() {}
        };
    }

    @Test
    void aFailedOpenIsRememberedForTheCoolDownThenTriedAgainAndRetrieversMadeBeforeWork() throws Exception {
        AtomicLong now = new AtomicLong();
        AtomicInteger attempts = new AtomicInteger();
        AtomicBoolean up = new AtomicBoolean(false);
        ReopeningBackend backend = new ReopeningBackend("elasticsearch", () -> {
            attempts.incrementAndGet();
            if (!up.get()) throw new IndexUnavailableException("Elasticsearch at [x] is unreachable; start it");
            return open();
        }, Duration.ofSeconds(5), now::get);
        Retriever made = backend.lexical(false); // handed out at start, before anything opened
        SearchRequest q = new SearchRequest("ferry", Filters.NONE, 10);

        assertThatThrownBy(() -> made.search(q)).isInstanceOf(IndexUnavailableException.class).hasMessageContaining("unreachable");
        assertThat(backend.generation()).isEqualTo(-1);
        assertThat(backend.name()).isEqualTo("elasticsearch");
        now.addAndGet(Duration.ofSeconds(4).toNanos());
        assertThatThrownBy(() -> made.search(q)).hasMessageContaining("unreachable");
        assertThat(attempts).as("within the cool-down: not tried again").hasValue(1);

        up.set(true);
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(made.search(q)).containsExactly(HIT);
        assertThat(attempts).hasValue(2);
        assertThat(backend.isOpen()).isTrue();
        assertThat(backend.generation()).isEqualTo(7);
        assertThat(made.search(q)).containsExactly(HIT);
        assertThat(attempts).as("open stays open").hasValue(2);
    }

    @Test
    void refreshOpensAtOnceWhateverTheCoolDown() throws Exception {
        AtomicBoolean up = new AtomicBoolean(false);
        ReopeningBackend backend = new ReopeningBackend("embedded", () -> {
            if (!up.get()) throw new IndexUnavailableException("Index 'x' not found; run: newsdesk ingest");
            return open();
        }, Duration.ofMinutes(5), () -> 0L);
        assertThatThrownBy(backend::current).hasMessageContaining("not found");
        up.set(true);
        backend.refresh(); // an ingest or a poll pass just created the index
        assertThat(backend.isOpen()).isTrue();
        assertThat(backend.sentences(false).search(new SearchRequest("x", Filters.NONE, 1))).containsExactly(HIT);
    }
}
