package dev.newsdesk.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsdesk.answer.Answer;
import dev.newsdesk.answer.Answerer;
import dev.newsdesk.retrieve.Filters;
import dev.newsdesk.retrieve.Hit;
import dev.newsdesk.retrieve.Retriever;
import dev.newsdesk.retrieve.SearchRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultiHopEvalTest {
    static Hit hit(String id, String text, double score) {
        return new Hit(id, id.substring(0, id.indexOf(':')), 0, 0, text.length(), text, "Title " + id, "The Verge",
                LocalDate.of(2023, 9, 28), "https://example.com/" + id, score, text);
    }

    static MultiHopQuery query(String text, String type, String... facts) {
        return new MultiHopQuery(text, "a", type, List.of(facts), List.of());
    }

    // q0: fact at rank 2 of 3; q1: null (never retrieved); q2: fact only in the header, visible only with a header
    final List<MultiHopQuery> queries = List.of(
            query("first", "inference_query", "Fact one."),
            query("nothing", "null_query"),
            query("third", "comparison_query", "Title c:0"));
    final Map<String, List<Hit>> results = Map.of(
            "first", List.of(hit("a:0", "noise", 3.5), hit("b:1", "Fact one.", 2.25), hit("c:2", "noise", 1)),
            "third", List.of(hit("c:0", "no fact in the body", 9)));
    final List<SearchRequest> requests = new ArrayList<>();
    final Retriever retriever = request -> {
        requests.add(request);
        return results.get(request.query());
    };

    @Test
    void scoresWithTheHeaderAndWritesARunFile(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("runs/mh.trec");
        MetricReport r = new MultiHopEval(retriever).run(queries, 10, Optional.of(run));

        assertThat(requests).containsExactly(new SearchRequest("first", Filters.NONE, 10),
                new SearchRequest("third", Filters.NONE, 10));
        assertThat(r.queries()).isEqualTo(2);
        assertThat(r.mrr10()).isEqualTo(0.75);   // (1/2 + 1/1) / 2: q2 matches through "title: Title c:0"
        assertThat(r.hits4()).isEqualTo(1.0);
        assertThat(r.map10()).isEqualTo(0.75);   // q0: (1/2)/1, q2: (1/1)/1
        assertThat(r.byType()).containsOnlyKeys("inference_query", "comparison_query");
        assertThat(Files.readAllLines(run)).containsExactly(
                "0 Q0 a:0 1 3.5 newsdesk",
                "0 Q0 b:1 2 2.25 newsdesk",
                "0 Q0 c:2 3 1.0 newsdesk",
                "2 Q0 c:0 1 9.0 newsdesk");
    }

    @Test
    void theHeaderIsPluggable() {
        MetricReport bare = new MultiHopEval(retriever, h -> "").run(queries, 10, Optional.empty());
        assertThat(bare.mrr10()).isEqualTo(0.25); // q2's fact is only in the header
    }

    @Test
    void benchmarkHeaderMirrorsLlamaIndexMetadata() {
        Hit h = hit("a:0", "Body.", 1);
        assertThat(MultiHopEval.benchmarkHeader(h)).isEqualTo("title: Title a:0\npublished_at: 2023-09-28\nsource: The Verge\n\n");
        assertThat(new MultiHopEval(retriever).scoredText(h)).endsWith("source: The Verge\n\nBody.");
    }

    @Test
    void rejectsAnOutOfRangeDepth() {
        assertThatThrownBy(() -> new MultiHopEval(retriever).run(queries, 0, Optional.empty()))
                .hasMessageContaining("k 0");
    }

    @Test
    void abstentionCountsBothKindsWithAPerKindLimit() {
        List<MultiHopQuery> all = List.of(query("n1", "null_query"), query("a1", "inference_query", "f"),
                query("n2", "null_query"), query("a2", "temporal_query", "f"), query("a3", "comparison_query", "f"));
        // abstains on n1 and a2; answers n2, a1, a3
        Answerer answerer = q -> new Answer(q.text(), "text", q.text().equals("n1") || q.text().equals("a2"), List.of(),
                "fake", null, List.of());
        MultiHopEval eval = new MultiHopEval(retriever);

        AbstentionReport full = eval.abstention(answerer, all);
        assertThat(full).isEqualTo(new AbstentionReport(2, 1, 3, 2));
        assertThat(full.nullAbstainRate()).isEqualTo(0.5);
        assertThat(full.answerableAnswerRate()).isEqualTo(2.0 / 3);

        AbstentionReport one = eval.abstention(answerer, all, 1); // n1 and a1 only
        assertThat(one).isEqualTo(new AbstentionReport(1, 1, 1, 1));
        assertThat(one.toJson()).contains("\"null_abstain_rate\" : 1.0", "\"answerable_queries\" : 1");
    }
}
