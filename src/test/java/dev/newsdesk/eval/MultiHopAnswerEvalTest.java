package dev.newsdesk.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsdesk.retrieve.Hit;
import dev.newsdesk.retrieve.Retriever;
import dev.newsdesk.retrieve.SearchRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MultiHopAnswerEvalTest {
    static Hit hit(String id, String text, double score) {
        return new Hit(id, id.substring(0, id.indexOf(':')), 0, 0, text.length(), text, "Title " + id, "The Verge",
                LocalDate.of(2023, 9, 28), "https://example.com/" + id, score, text);
    }

    final Map<String, List<Hit>> results = Map.of(
            "first", List.of(hit("a:0", "noise", 3.5), hit("b:1", "Fact one.", 2.25), hit("c:2", "noise", 1)),
            "third", List.of(hit("c:0", "no fact in the body", 9)));
    final List<SearchRequest> requests = new ArrayList<>();

    @Test
    void answersAreScoredWithTheBenchmarkRuleOverEveryQueryTypeIncludingNull() {
        List<MultiHopQuery> all = List.of(new MultiHopQuery("first", "Fact one", "inference_query", List.of("Fact one."), List.of()),
                new MultiHopQuery("nothing", "Insufficient information.", "null_query", List.of(), List.of()),
                new MultiHopQuery("third", "Yes", "comparison_query", List.of("x"), List.of()));
        Map<String, List<Hit>> more = Map.of("nothing", List.of(hit("d:0", "unrelated", 1)));
        Retriever r = request -> {
            requests.add(request);
            return results.getOrDefault(request.query(), more.get(request.query()));
        };
        List<List<String>> contexts = new ArrayList<>();
        dev.newsdesk.answer.PassageQa qa = (question, passages) -> {
            contexts.add(passages.stream().map(Hit::text).toList());
            return switch (question) {
                case "first" -> "The answer to the question is \"fact\".";
                case "nothing" -> "Insufficient Information";
                default -> throw new IllegalStateException("provider down");
            };
        };
        List<String> seen = new ArrayList<>();

        AnswerReport report = new MultiHopAnswerEval(r).answers(qa, all, 2, (i, q, reply, ok) -> seen.add(i + ":" + ok));

        assertThat(requests).extracting(SearchRequest::limit).containsOnly(2);
        assertThat(contexts.getFirst()).containsExactly("noise", "Fact one."); // the top k, in rank order
        assertThat(report.queries()).isEqualTo(3);
        assertThat(report.correct()).isEqualTo(2);
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.accuracy()).isEqualTo(2.0 / 3);
        assertThat(report.byType()).containsOnlyKeys("comparison_query", "inference_query", "null_query");
        assertThat(report.byType().get("null_query").correct()).isEqualTo(1);
        assertThat(report.byType().get("comparison_query").failed()).isEqualTo(1);
        assertThat(seen).containsExactly("0:true", "1:true", "2:false");
        assertThat(report.toJsonNode().path("by_type").path("inference_query").path("accuracy").asDouble()).isEqualTo(1.0);
        assertThatThrownBy(() -> new MultiHopAnswerEval(r).answers(qa, all, 0, null)).hasMessageContaining("k 0");
    }
}
