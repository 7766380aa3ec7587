package dev.newsdesk.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsdesk.ingest.Article;
import dev.newsdesk.ingest.SentenceChunker;
import dev.newsdesk.retrieve.Hit;
import dev.newsdesk.retrieve.LuceneCatalog;
import dev.newsdesk.retrieve.LuceneIndex;
import dev.newsdesk.sources.Poller.Indexer.Outcome;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Polled articles through the ingest write path into an on-disk index: added, replaced, folded, locked out. */
class PolledArticleIndexerTest {
    private static final String PARKS = "The city council approved the new budget for parks and libraries on Monday evening. "
            + "Council members said three branch libraries will open next year and playgrounds will be repaired.";

    @TempDir
    Path tmp;

    private static Article web(String id, String outlet, String body) {
        return new Article(id, "Council approves budget", outlet, LocalDate.of(2022, 12, 21),
                "https://example.org/" + id, null, null, body, "https://example.org/" + id, List.of());
    }

    private static String passageText(Path index, String id) throws IOException {
        try (LuceneIndex idx = LuceneIndex.open(index)) {
            return String.join(" ", new LuceneCatalog(idx).passagesOf(id).stream().map(Hit::text).toList());
        }
    }

    @Test
    void newUpdatedUnchangedAndFoldedArticlesAreTold() throws IOException {
        Path index = tmp.resolve("index");
        PolledArticleIndexer indexer = PolledArticleIndexer.forIndex(index, new SentenceChunker(), () -> null);

        Map<String, Outcome> first = indexer.index(List.of(web("a", "Town Crier", PARKS), web("b", "Wire", PARKS)));
        assertThat(first).containsEntry("a", Outcome.ADDED).containsEntry("b", Outcome.FOLDED);
        assertThat(IndexAssertions.articleIds(index)).containsExactly("a");

        String changed = PARKS.replace("three branch libraries", "four branch libraries");
        Map<String, Outcome> second = indexer.index(List.of(web("a", "Town Crier", changed), web("c", "Other", "A wholly "
                + "different story about the harbour ferry timetable changing in spring. Passengers complained loudly.")));
        assertThat(second).containsEntry("a", Outcome.UPDATED).containsEntry("c", Outcome.ADDED);
        assertThat(passageText(index, "a")).contains("four branch libraries").doesNotContain("three branch libraries");
        assertThat(IndexAssertions.articleIds(index)).containsExactlyInAnyOrder("a", "c");

        assertThat(indexer.index(List.of(web("a", "Town Crier", changed)))).containsEntry("a", Outcome.UNCHANGED);
        IndexAssertions.assertCheckIndexClean(index);
    }

    @Test
    void anIndexHeldByAnotherWriterIsNamedAndNothingIsWritten() throws IOException {
        Path index = tmp.resolve("index");
        PolledArticleIndexer.forIndex(index, new SentenceChunker(), () -> null).index(List.of(web("a", "Town Crier", PARKS)));
        try (HeldIndexWriter held = HeldIndexWriter.open(index, null)) {
            assertThatThrownBy(() -> PolledArticleIndexer.forIndex(index, new SentenceChunker(), () -> null)
                    .index(List.of(web("c", "Other", "Another story about the harbour ferry. It runs late."))))
                    .isInstanceOf(IndexLockedException.class).hasMessageContaining(index.toString());
            // the holder itself writes through its opener, and a failed borrower leaves nothing behind
            Map<String, Outcome> viaHeld = new PolledArticleIndexer(held.opener(), new SentenceChunker(), () -> null)
                    .index(List.of(web("d", "Other", "The harbour ferry timetable changes in spring. Passengers complained.")));
            assertThat(viaHeld).containsEntry("d", Outcome.ADDED);
        }
        assertThat(IndexAssertions.articleIds(index)).containsExactlyInAnyOrder("a", "d");
    }
}
