package dev.newsdesk.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsdesk.eval.RetrievalMetrics.QueryMetrics;
import dev.newsdesk.eval.RetrievalMetrics.Ranked;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Pins the port of retrieval_evaluate.py to hand-computed values. The expected doubles were also checked
 * against the script's own calculate_metrics on the same fixture.
 */
class RetrievalMetricsTest {
    private static final String N = "noise";

    // A (inference): gold F1, F2 (with a newline inside), F3.
    //  rank 1 irrelevant; rank 2 holds F1 once spaces go ("x Alphabeta  gamma. y") -> first relevant, 1 new fact: 1/2
    //  rank 3 repeats F1 -> relevant but 0 new facts: +0; rank 4 "Delta epsilon." = F2 without its '\n': +1/4
    //  rank 10 has only part of F3 -> not relevant; rank 11 has all of F3 but lies beyond the cut-off.
    //  hits@4 1, hits@10 1, RR 1/2, AP (1/2 + 1/4) / min(3, 10) = 0.25, recall 2/3, all 0
    static final Ranked A = new Ranked("inference_query",
            List.of("nothing here", "x Alphabeta  gamma. y", "Alpha beta gamma. again", "Delta epsilon.", N, N, N, N, N,
                    "Zeta eta", "Zeta eta theta."),
            List.of("Alpha beta gamma.", "Delta\nepsilon.", "Zeta eta theta."));
    // B (comparison): both facts in the rank-1 passage, which carries the benchmark's metadata header.
    //  rank 1 finds 2 new facts: precision term 2/1 = 2 (the script counts facts, not passages); rank 3 repeats: +0
    //  hits@4 1, hits@10 1, RR 1, AP 2 / min(2, 10) = 1, recall 1, all 1
    static final Ranked B = new Ranked("comparison_query",
            List.of("title: X\npublished_at: 2023-10-01\nsource: Y\n\nOne two. Three four.", N, "One two."),
            List.of("One two.", "Three four."));
    // C (temporal): only ' ' and '\n' are deleted. Rank 2 has a tab and rank 3 a "\r\n" inside G1 -> not relevant.
    //  rank 5 "Phi chi psi." = G2: +1/5; rank 7 "S igma tau upsilon." = G1 once spaces go: +1/7
    //  hits@4 0, hits@10 1, RR 1/5, AP (1/5 + 1/7) / 2 = 6/35, recall 1, all 1
    static final Ranked C = new Ranked("temporal_query",
            List.of(N, "Sigma\ttau upsilon.", "Sigma tau\r\nupsilon.", N, "Phi chi psi.", N, "S igma tau upsilon.", N, N, N),
            List.of("Sigma tau upsilon.", "Phi chi psi."));
    // D (null): no gold facts; skipped like the script's main_eval does.
    static final Ranked D = new Ranked("null_query", List.of("Alpha beta gamma."), List.of());
    // E (inference): three passages, none with the whole fact "Omega." (no period; lower case; no period) -> all 0.
    static final Ranked E = new Ranked("inference_query", List.of("Omeg a", "omega.", "Omega"), List.of("Omega."));

    @Test
    void perQueryFiguresMatchHandComputation() {
        QueryMetrics a = score(A);
        assertThat(a.hit4()).isTrue();
        assertThat(a.hit10()).isTrue();
        assertThat(a.firstRelevantRank()).isEqualTo(2);
        assertThat(a.reciprocalRank()).isEqualTo(0.5);
        assertThat(a.averagePrecision()).isEqualTo(0.25);
        assertThat(a.evidenceRecall()).isEqualTo(2.0 / 3);
        assertThat(a.allEvidence()).isFalse();

        QueryMetrics b = score(B);
        assertThat(b.reciprocalRank()).isEqualTo(1.0);
        assertThat(b.averagePrecision()).isEqualTo(1.0);
        assertThat(b.foundFacts()).isEqualTo(2);
        assertThat(b.allEvidence()).isTrue();

        QueryMetrics c = score(C);
        assertThat(c.hit4()).isFalse();
        assertThat(c.hit10()).isTrue();
        assertThat(c.firstRelevantRank()).isEqualTo(5);
        assertThat(c.reciprocalRank()).isEqualTo(0.2);
        assertThat(c.averagePrecision()).isEqualTo(0.17142857142857143); // 6/35 as the script sums it
        assertThat(c.evidenceRecall()).isEqualTo(1.0);
        assertThat(c.allEvidence()).isTrue();

        QueryMetrics e = score(E);
        assertThat(e.hit10()).isFalse();
        assertThat(e.firstRelevantRank()).isZero();
        assertThat(e.reciprocalRank()).isZero();
        assertThat(e.averagePrecision()).isZero();
        assertThat(e.evidenceRecall()).isZero();
    }

    @Test
    void aggregatesSkipNullQueriesAndSplitByType() {
        MetricReport r = RetrievalMetrics.evaluate(List.of(A, B, C, D, E));
        // over A, B, C, E (D is a null query):
        assertThat(r.queries()).isEqualTo(4);
        assertThat(r.hits4()).isEqualTo(0.5);                   // (1 + 1 + 0 + 0) / 4
        assertThat(r.hits10()).isEqualTo(0.75);                 // (1 + 1 + 1 + 0) / 4
        assertThat(r.mrr10()).isEqualTo(0.425);                 // (1/2 + 1 + 1/5 + 0) / 4 = 1.7 / 4
        assertThat(r.map10()).isEqualTo(0.35535714285714287);   // (1/4 + 1 + 6/35 + 0) / 4 = 199/560
        assertThat(r.evidenceRecall10()).isEqualTo(2.0 / 3);    // (2/3 + 1 + 1 + 0) / 4 = 2/3
        assertThat(r.allEvidence10()).isEqualTo(0.5);           // (0 + 1 + 1 + 0) / 4

        assertThat(r.byType()).containsOnlyKeys("inference_query", "comparison_query", "temporal_query");
        assertThat(List.copyOf(r.byType().keySet())).containsExactly("inference_query", "comparison_query", "temporal_query");
        MetricReport inference = r.byType().get("inference_query"); // A and E
        assertThat(inference.queries()).isEqualTo(2);
        assertThat(inference.hits4()).isEqualTo(0.5);
        assertThat(inference.hits10()).isEqualTo(0.5);
        assertThat(inference.mrr10()).isEqualTo(0.25);
        assertThat(inference.map10()).isEqualTo(0.125);
        assertThat(inference.evidenceRecall10()).isEqualTo(1.0 / 3);
        assertThat(inference.allEvidence10()).isZero();
        assertThat(inference.byType()).isEmpty();
        assertThat(r.byType().get("comparison_query"))
                .isEqualTo(new MetricReport(1, 1, 1, 1, 1, 1, 1, java.util.Map.of()));
        assertThat(r.byType().get("temporal_query"))
                .isEqualTo(new MetricReport(0, 1, 0.2, 0.17142857142857143, 1, 1, 1, java.util.Map.of()));
    }

    @Test
    void normalisationDeletesOnlySpacesAndLineFeeds() {
        assertThat(RetrievalMetrics.normalize(" a b\nc\td\r\u00a0e ")).isEqualTo("abc\td\r\u00a0e");
        assertThat(RetrievalMetrics.isRelevant("The Fed  raised\nrates today.", List.of("Fed raised rates"))).isTrue();
        assertThat(RetrievalMetrics.isRelevant("The Fed\u00a0raised rates", List.of("Fed raised rates"))).isFalse();
        // whole fact, case-sensitive: a fact longer than the passage, or differing in case, is not found
        assertThat(RetrievalMetrics.isRelevant("Fed raised", List.of("Fed raised rates"))).isFalse();
        assertThat(RetrievalMetrics.isRelevant("fed raised rates", List.of("Fed raised rates"))).isFalse();
        // and spaces are deleted, not collapsed, so word boundaries do not matter
        assertThat(RetrievalMetrics.isRelevant("Fedraisedrates", List.of("Fed raised rates"))).isTrue();
    }

    @Test
    void onlyTheTopTenCount() {
        List<String> passages = new ArrayList<>(IntStream.range(0, 10).mapToObj(i -> N).toList());
        passages.add("Gold fact.");
        QueryMetrics m = RetrievalMetrics.score("inference_query", passages, List.of("Gold fact."));
        assertThat(m.hit10()).isFalse();
        assertThat(m.averagePrecision()).isZero();
        passages.set(9, "Gold fact.");
        assertThat(RetrievalMetrics.score("inference_query", passages, List.of("Gold fact.")).reciprocalRank()).isEqualTo(0.1);
    }

    @Test
    void averagePrecisionDividesByMinOfGoldAndTenAndCanExceedOne() {
        // 11 gold facts all in the rank-1 passage: 11/1 new facts, divided by min(11, 10) = 10 -> 1.1 (the script's quirk)
        List<String> gold = IntStream.range(0, 11).mapToObj(i -> "Fact number " + i + ".").toList();
        QueryMetrics m = RetrievalMetrics.score("inference_query", List.of(String.join(" ", gold)), gold);
        assertThat(m.averagePrecision()).isEqualTo(1.1);
        assertThat(m.evidenceRecall()).isEqualTo(1.0);
    }

    @Test
    void queriesWithoutGoldCannotBeScored() {
        assertThatThrownBy(() -> RetrievalMetrics.score("null_query", List.of("x"), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null_query");
        assertThat(RetrievalMetrics.evaluate(List.of(D))).isEqualTo(new MetricReport(0, 0, 0, 0, 0, 0, 0, java.util.Map.of()));
    }

    @Test
    void factCoverageFindsFactsSplitAcrossPassages() {
        List<MultiHopQuery> queries = List.of(
                new MultiHopQuery("q1", "a", "inference_query", List.of("Whole fact.", "Split fact here."), List.of()),
                new MultiHopQuery("q2", "a", "temporal_query", List.of("Whole fact."), List.of()),
                new MultiHopQuery("q3", "", "null_query", List.of(), List.of()));
        RetrievalMetrics.Coverage c = RetrievalMetrics.factCoverage(queries, List.of("A Whole fact. Split", "fact here."));
        assertThat(c.facts()).isEqualTo(2); // distinct facts of non-null queries
        assertThat(c.covered()).isEqualTo(1);
        assertThat(c.missing()).containsExactly("Split fact here.");
        assertThat(c.share()).isEqualTo(0.5);
    }

    @Test
    void jsonHasTheAgreedKeys() throws Exception {
        JsonNode json = new ObjectMapper().readTree(RetrievalMetrics.evaluate(List.of(A, B, C, D, E)).toJson());
        assertThat(iterable(json)).containsExactly("hits@4", "hits@10", "mrr@10", "map@10", "evidence_recall@10",
                "all_evidence@10", "queries", "by_type");
        assertThat(json.get("map@10").asDouble()).isEqualTo(0.35535714285714287);
        assertThat(json.get("queries").asInt()).isEqualTo(4);
        assertThat(iterable(json.get("by_type"))).containsExactly("inference_query", "comparison_query", "temporal_query");
        assertThat(json.get("by_type").get("temporal_query").get("mrr@10").asDouble()).isEqualTo(0.2);
        assertThat(json.get("by_type").get("temporal_query").has("by_type")).isFalse();
    }

    private static List<String> iterable(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static QueryMetrics score(Ranked r) {
        return RetrievalMetrics.score(r.type(), r.passages(), r.goldFacts());
    }
}
