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

    private static Article dated(String id, String outlet, LocalDate published, String body) {
        return new Article(id, "Council approves budget", outlet, published, "https://example.org/" + id, null, null, body,
                "https://example.org/" + id, List.of());
    }

    private static dev.newsdesk.retrieve.ArticleView view(Path index, String id) throws IOException {
        try (LuceneIndex idx = LuceneIndex.open(index)) {
            return new LuceneCatalog(idx).article(id).orElseThrow();
        }
    }

    @Test
    void wireCopyArrivingInALaterPassFoldsIntoTheIndexedStory() throws IOException {
        Path index = tmp.resolve("index");
        PolledArticleIndexer indexer = PolledArticleIndexer.forIndex(index, new SentenceChunker(), () -> null);
        LocalDate day = LocalDate.of(2022, 12, 21);
        assertThat(indexer.index(List.of(dated("wire", "Wire", day, PARKS)))).containsEntry("wire", Outcome.ADDED);

        // a later pass: another outlet's copy, published after it, folds into the indexed story
        assertThat(indexer.index(List.of(dated("later", "Later Gazette", day.plusDays(1), PARKS))))
                .containsEntry("later", Outcome.FOLDED);
        assertThat(IndexAssertions.articleIds(index)).containsExactly("wire");
        assertThat(view(index, "wire").alsoPublishedBy()).containsExactly("Later Gazette (later)");

        // a copy published earlier than the indexed one becomes the story; the indexed one is folded into it
        assertThat(indexer.index(List.of(dated("first", "First Post", day.minusDays(1), PARKS))))
                .containsEntry("first", Outcome.ADDED);
        assertThat(IndexAssertions.articleIds(index)).containsExactly("first");
        assertThat(view(index, "first").alsoPublishedBy()).containsExactlyInAnyOrder("Wire (wire)", "Later Gazette (later)");

        // a different story is left alone
        assertThat(indexer.index(List.of(dated("ferry", "Wire", day, "The harbour ferry timetable changes in spring. "
                + "Passengers complained about the early departures and the lack of a late boat.")))).containsEntry("ferry", Outcome.ADDED);
        assertThat(IndexAssertions.articleIds(index)).containsExactlyInAnyOrder("first", "ferry");
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
