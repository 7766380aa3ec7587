package dev.newsdesk.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fusion and diversification on hand-made rankings: no index needed, the arithmetic is the point. */
class FusionTest {
    static Hit hit(String article, int ordinal) {
        return new Hit(article + ":" + ordinal, article, ordinal, 0, 1, "x", "t", "o", LocalDate.of(2024, 1, 1), null, 0, "x");
    }

    @Test
    void capPerArticleKeepsOrderAndFillsWithHeldBack() {
        List<Hit> ranked = List.of(hit("a", 0), hit("a", 1), hit("a", 2), hit("b", 0), hit("a", 3), hit("c", 0));
        assertThat(Diversifier.capPerArticle(ranked, 2, 5)).extracting(Hit::passageId)
                .containsExactly("a:0", "a:1", "b:0", "c:0", "a:2");
        assertThat(Diversifier.capPerArticle(ranked, 1, 10)).extracting(Hit::passageId)
                .containsExactly("a:0", "b:0", "c:0", "a:1", "a:2", "a:3");
    }

    @Test
    void hybridFusionWeighsTheDenseVote() {
        Retriever lexical = r -> List.of(hit("a", 0).withScore(3), hit("b", 0).withScore(2), hit("c", 0).withScore(1));
        Retriever dense = r -> List.of(hit("c", 0).withScore(0.9), hit("b", 0).withScore(0.8), hit("d", 0).withScore(0.7));
        // k=60: b gets 1/62 + w/62, c 1/63 + w/61, a 1/61; with w=0.5: b .02419, c .02407, a .01639, d .00794
        List<Hit> fused = new HybridRetriever(lexical, dense, 0.5).search(new SearchRequest("q", Filters.NONE, 4));
        assertThat(fused).extracting(Hit::passageId).containsExactly("b:0", "c:0", "a:0", "d:0");
        assertThat(fused.getFirst().score()).isCloseTo(1.5 / 62, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void hybridFusionRanksEqualScoresByIdWhateverOrderTheBackendGaveThem() {
        // one engine lists the tied a and b as a, b; another (a cluster, by shard) as b, a: both fuse the same
        Retriever lexicalOne = r -> List.of(hit("a", 0).withScore(2), hit("b", 0).withScore(2), hit("c", 0).withScore(1));
        Retriever lexicalTwo = r -> List.of(hit("b", 0).withScore(2), hit("a", 0).withScore(2), hit("c", 0).withScore(1));
        Retriever dense = r -> List.of(hit("c", 0).withScore(0.9), hit("b", 0).withScore(0.8));
        var request = new SearchRequest("q", Filters.NONE, 3);
        List<Hit> one = new HybridRetriever(lexicalOne, dense, 0.5).search(request);
        List<Hit> two = new HybridRetriever(lexicalTwo, dense, 0.5).search(request);
        assertThat(two).extracting(Hit::passageId).containsExactlyElementsOf(one.stream().map(Hit::passageId).toList());
        assertThat(one).extracting(Hit::passageId).containsExactly("b:0", "c:0", "a:0");
    }

    @Test
    void rankFusionSumsWeightedReciprocalRanksAndBreaksTiesById() {
        // k=2: a 1/3 + 1/4, b 1/4 + 1/3 (a tie, broken by id), c 0.5/3 from the lighter list only
        List<Hit> fused = RankFusion.fuse(List.of(List.of(hit("a", 0), hit("b", 0)), List.of(hit("b", 0), hit("a", 0)),
                List.of(hit("c", 0))), List.of(1.0, 1.0, 0.5), 2);
        assertThat(fused).extracting(Hit::passageId).containsExactly("a:0", "b:0", "c:0");
        assertThat(fused.getLast().score()).isCloseTo(0.5 / 3, org.assertj.core.data.Offset.offset(1e-12));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RankFusion.fuse(List.of(List.of()), List.of(), 2))
                .hasMessageContaining("one weight per list");
    }

    @Test
    void plannedRetrieverRunsEveryPartWithItsFilters() {
        var seen = new java.util.ArrayList<Filters>();
        Retriever base = r -> {
            synchronized (seen) {
                seen.add(r.filters());
            }
            return r.filters().outlets().contains("JNS") ? List.of(hit("jns", 0)) : List.of(hit("other", 0), hit("jns", 0));
        };
        var planner = new QueryPlanner(List.of("JNS", "Jewish Insider"), LocalDate.of(2024, 4, 20));
        List<Hit> hits = new PlannedRetriever(base, () -> planner, 2).search(new SearchRequest("What did JNS report?", Filters.NONE, 5));
        assertThat(seen).anySatisfy(f -> assertThat(f.outlets()).containsExactly("JNS"));
        // The JNS passage is voted for by both lists, so it ranks first.
        assertThat(hits.getFirst().articleId()).isEqualTo("jns");
        assertThat(Map.of("n", hits.size())).containsEntry("n", 2);
    }

    @Test
    void sentenceListsVoteWithTheirWeightAndThreadsChangeNothing() throws Exception {
        Retriever passages = r -> List.of(hit("a", 0), hit("b", 0));
        Retriever sentences = r -> List.of(hit("b", 0), hit("c", 0));
        var planner = new QueryPlanner(List.of(), LocalDate.of(2024, 4, 20));
        SearchRequest q = new SearchRequest("a question with no outlets", Filters.NONE, 3);
        List<Hit> inline = new PlannedRetriever(passages, sentences, () -> planner, 3, null, null).search(q);
        // One part (the whole question): a 1/3, b 1/4 + 0.7/3, c 0.7/4.
        assertThat(inline).extracting(Hit::passageId).containsExactly("b:0", "a:0", "c:0");
        assertThat(inline.getFirst().score()).isCloseTo(0.25 + PlannedRetriever.SENTENCE_WEIGHT / 3, org.assertj.core.data.Offset.offset(1e-12));
        try (var threads = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            assertThat(new PlannedRetriever(passages, sentences, () -> planner, 3, null, threads).search(q)).isEqualTo(inline);
            // A failing search surfaces as itself (its message says what to do), not wrapped by the thread pool.
            Retriever broken = r -> {
                throw new IndexUnavailableException("Index 'x' is damaged; rebuild it");
            };
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> new PlannedRetriever(passages, broken, () -> planner, 3, null, threads).search(q))
                    .isInstanceOf(IndexUnavailableException.class).hasMessageContaining("rebuild it");
        }
    }
}
