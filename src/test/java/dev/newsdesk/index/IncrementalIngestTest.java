package dev.newsdesk.index;

import static dev.newsdesk.index.IndexAssertions.articleIds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.ingest.IngestLimits;
import dev.newsdesk.ingest.SentenceChunker;
import dev.newsdesk.retrieve.ArticleView;
import dev.newsdesk.retrieve.Bm25Retriever;
import dev.newsdesk.retrieve.Catalog;
import dev.newsdesk.retrieve.Hit;
import dev.newsdesk.retrieve.LuceneCatalog;
import dev.newsdesk.retrieve.LuceneIndex;
import dev.newsdesk.retrieve.SearchRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Incremental ingest: re-runs are no-ops, changes are updates, new files are adds, --prune removes what is gone. */
@Timeout(120)
class IncrementalIngestTest {
    @TempDir
    Path tmp;

    private final CorpusIngest ingest = new CorpusIngest(new SentenceChunker(), () -> null, IngestLimits.DEFAULTS);

    private IngestSummary run(Path corpus, Path index, boolean prune) throws IOException {
        CorpusIngest.Result r = ingest.run(List.of(corpus), index, prune, IngestListener.NONE);
        assertThat(r.failures()).isEmpty();
        return r.summary();
    }

    private Path corpusOf(int n) throws IOException {
        Path corpus = tmp.resolve("corpus");
        for (int i = 0; i < n; i++) {
            TestCorpus.writeArticle(corpus, "a" + i, i % 2 == 0 ? "Outlet Even" : "Outlet Odd",
                    LocalDate.of(2024, 1, 1).plusDays(i), 100 + i);
        }
        return corpus;
    }

    @Test
    void rerunIsANoOpAndChangesAreDetected() throws IOException {
        Path corpus = corpusOf(5);
        Path index = tmp.resolve("index");

        IngestSummary first = run(corpus, index, false);
        assertThat(first.added()).isEqualTo(5);
        assertThat(first.updated()).isZero();
        assertThat(first.passages()).isPositive();

        IngestSummary again = run(corpus, index, false);
        assertThat(again.added()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(5);
        assertThat(again.removed()).isZero();
        assertThat(again.passages()).isZero();

        // change one file's body, add a new one
        TestCorpus.writeArticle(corpus, "a2", "Outlet Even", LocalDate.of(2024, 1, 3), 9_999);
        TestCorpus.writeArticle(corpus, "a5", "Outlet Odd", LocalDate.of(2024, 2, 1), 5_555);
        IngestSummary third = run(corpus, index, false);
        assertThat(third.added()).isEqualTo(1);
        assertThat(third.updated()).isEqualTo(1);
        assertThat(third.unchanged()).isEqualTo(4);

        try (LuceneIndex idx = LuceneIndex.open(index)) {
            Catalog catalog = new LuceneCatalog(idx);
            String newBody = TestCorpus.body(9_999, 8);
            ArticleView a2 = catalog.article("a2").orElseThrow();
            assertThat(a2.body()).isEqualTo(newBody);
            // the old passages are gone with the old version: every passage is a span of the new body
            List<Hit> ps = catalog.passagesOf("a2");
            assertThat(ps).isNotEmpty().hasSize(a2.passages());
            for (Hit h : ps) assertThat(newBody.substring(h.start(), h.end())).isEqualTo(h.text());
            // the old version's passages are gone: no passage anywhere still holds its first sentence
            String oldSentence = TestCorpus.body(102, 8).split("\\.")[0];
            for (String id : List.of("a0", "a1", "a2", "a3", "a4", "a5")) {
                assertThat(catalog.passagesOf(id)).noneMatch(h -> h.text().contains(oldSentence));
            }
            assertThat(new Bm25Retriever(idx, false).search(new SearchRequest(newBody, null, 1)).getFirst().articleId())
                    .isEqualTo("a2");
        }
        assertThat(articleIds(index)).containsExactly("a0", "a1", "a2", "a3", "a4", "a5");
    }

    @Test
    void pruneRemovesArticlesWhoseFilesAreGoneAndOnlyWithPrune() throws IOException {
        Path corpus = corpusOf(4);
        Path index = tmp.resolve("index");
        run(corpus, index, false);
        Files.delete(corpus.resolve("a1.md"));

        IngestSummary keep = run(corpus, index, false);
        assertThat(keep.removed()).isZero();
        assertThat(keep.unchanged()).isEqualTo(3);
        assertThat(articleIds(index)).containsExactly("a0", "a1", "a2", "a3");

        IngestSummary pruned = run(corpus, index, true);
        assertThat(pruned.removed()).isEqualTo(1);
        assertThat(pruned.unchanged()).isEqualTo(3);
        assertThat(articleIds(index)).containsExactly("a0", "a2", "a3");
        try (LuceneIndex idx = LuceneIndex.open(index)) {
            Catalog c = new LuceneCatalog(idx);
            assertThat(c.passagesOf("a1")).isEmpty();
            assertThat(c.passage("a1:0")).isEmpty();
        }
    }

    @Test
    void pruningOneFolderNeverRemovesAnotherFoldersArticles() throws IOException {
        Path first = tmp.resolve("first");
        Path second = tmp.resolve("second");
        TestCorpus.writeArticle(first, "f0", "One", LocalDate.of(2024, 1, 1), 1);
        TestCorpus.writeArticle(second, "s0", "Two", LocalDate.of(2024, 1, 2), 2);
        Path index = tmp.resolve("index");
        run(first, index, false);
        IngestSummary s = run(second, index, true);
        assertThat(s.added()).isEqualTo(1);
        assertThat(s.removed()).isZero();
        assertThat(articleIds(index)).containsExactly("f0", "s0");
    }

    @Test
    void nearDuplicateRepublishedArticleIsIndexedOnceWithAlsoPublishedBy() throws IOException {
        Path corpus = tmp.resolve("corpus");
        String story = TestCorpus.body(42, 12);
        Files.createDirectories(corpus);
        Files.writeString(corpus.resolve("wire.md"), TestCorpus.markdown("wire", "Wire story", "Wire Service",
                LocalDate.of(2024, 3, 1), story));
        Files.writeString(corpus.resolve("paper.md"), TestCorpus.markdown("paper", "Paper story", "Daily Paper",
                LocalDate.of(2024, 3, 2), "By staff and wire reports. " + story + " Copyright 2024."));
        TestCorpus.writeArticle(corpus, "other", "Other", LocalDate.of(2024, 3, 3), 7);
        Path index = tmp.resolve("index");

        IngestSummary s = run(corpus, index, false);
        assertThat(s.folded()).isEqualTo(1);
        assertThat(s.added()).isEqualTo(2);
        assertThat(articleIds(index)).containsExactly("other", "wire");
        try (LuceneIndex idx = LuceneIndex.open(index)) {
            ArticleView wire = new LuceneCatalog(idx).article("wire").orElseThrow();
            assertThat(wire.alsoPublishedBy()).containsExactly("Daily Paper (paper)");
            List<Hit> hits = new Bm25Retriever(idx, false).search(new SearchRequest(story.substring(0, 200), null, 20));
            assertThat(hits).isNotEmpty().allMatch(h -> !h.articleId().equals("paper"));
        }
        // a re-run folds the same way and changes nothing
        IngestSummary again = run(corpus, index, false);
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(again.added() + again.updated()).isZero();
    }

    @Test
    void statsCountArticlesPassagesOutletsAndDates() throws IOException {
        Path corpus = corpusOf(5);
        Path index = tmp.resolve("index");
        IngestSummary s = run(corpus, index, false);
        try (LuceneIndex idx = LuceneIndex.open(index)) {
            Catalog.Stats st = new LuceneCatalog(idx).stats();
            assertThat(st.articles()).isEqualTo(5);
            assertThat(st.passages()).isEqualTo(s.passages());
            assertThat(st.outlets()).containsExactly(new Catalog.OutletCount("Outlet Even", 3),
                    new Catalog.OutletCount("Outlet Odd", 2));
            assertThat(st.earliest()).isEqualTo(LocalDate.of(2024, 1, 1));
            assertThat(st.latest()).isEqualTo(LocalDate.of(2024, 1, 5));
            assertThat(st.indexBytes()).isPositive();
        }
    }
}
