package dev.newsdesk.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Loads the shared MultiHop-RAG files; skips when ../shared (or -Dnewsdesk.shared) does not have them. */
class MultiHopDatasetTest {
    private static final Path ROOT = Path.of(System.getProperty("newsdesk.shared", "../shared"), "datasets", "multihop-rag");

    private static Path dataset(String name) {
        Path file = ROOT.resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(file), () -> "MultiHop-RAG file missing: " + file.toAbsolutePath()
                + " (set -Dnewsdesk.shared=<dir containing datasets/multihop-rag>)");
        return file;
    }

    @Test
    void devQueriesLoadWithTheirTypes() {
        List<MultiHopQuery> queries = MultiHopQueries.load(dataset("queries-dev.json"));
        assertThat(queries).hasSize(792);
        assertThat(MultiHopQueries.countByType(queries)).containsExactly(Map.entry("inference_query", 281),
                Map.entry("comparison_query", 255), Map.entry("temporal_query", 161), Map.entry("null_query", 95));
        assertThat(queries.stream().mapToInt(q -> q.evidenceFacts().size()).sum()).isEqualTo(1915);
        assertThat(queries).allSatisfy(q -> {
            assertThat(q.evidenceFacts()).isEqualTo(q.evidence().stream().map(Evidence::fact).toList());
            if (q.isNull()) {
                assertThat(q.evidenceFacts()).isEmpty();
                assertThat(q.answer()).isEqualTo("Insufficient information.");
            } else {
                assertThat(q.evidenceFacts()).hasSizeBetween(2, 4);
            }
        });
        MultiHopQuery first = queries.getFirst();
        assertThat(first.answer()).isEqualTo("Sam Bankman-Fried");
        assertThat(first.evidence().getFirst().source()).isEqualTo("The Verge");
        assertThat(first.evidence().getFirst().publishedAt()).isEqualTo("2023-09-28T12:00:00+00:00");
    }

    @Test
    void everyGoldFactOccursInItsArticleAsTheBenchmarkScoresIt() {
        List<MultiHopCorpus.Article> corpus = MultiHopCorpus.load(dataset("corpus.json"));
        assertThat(corpus).hasSize(609);
        MultiHopCorpus.Article a = corpus.getFirst();
        assertThat(a.header()).isEqualTo("title: " + a.title() + "\npublished_at: 2023-11-27T08:45:59+00:00\nsource: Mashable");
        Map<String, MultiHopCorpus.Article> byUrl = corpus.stream()
                .collect(Collectors.toMap(MultiHopCorpus.Article::url, Function.identity(), (x, y) -> x));
        List<MultiHopQuery> queries = MultiHopQueries.load(dataset("queries-dev.json"));
        assertThat(queries.stream().flatMap(q -> q.evidence().stream())).allSatisfy(e -> {
            MultiHopCorpus.Article article = byUrl.get(e.url());
            assertThat(article).as("article of evidence %s", e.url()).isNotNull();
            assertThat(RetrievalMetrics.isRelevant(article.benchmarkText(article.body()), List.of(e.fact()))).isTrue();
        });
        // whole articles cover every fact; a chunker's passages can be checked the same way
        RetrievalMetrics.Coverage coverage = RetrievalMetrics.factCoverage(queries,
                corpus.stream().map(MultiHopCorpus.Article::body).toList());
        assertThat(coverage.facts()).isEqualTo(537); // 1,915 evidence items share 537 distinct facts
        assertThat(coverage.missing()).isEmpty();
    }
}
