package dev.newsdesk.eval;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * Answer accuracy under MultiHop-RAG's answer rule ({@link AnswerRule}), overall and per question type.
 *
 * @param queries questions asked
 * @param correct of those, answers the rule accepts
 * @param failed of those, questions the model could not answer (counted as wrong, as an empty answer is)
 * @param byType the same counts per {@code question_type}, in name order
 */
public record AnswerReport(int queries, int correct, int failed, Map<String, AnswerReport> byType) {
    public AnswerReport {
        if (correct < 0 || correct > queries || failed < 0 || failed > queries) {
            throw new IllegalArgumentException("inconsistent counts: " + correct + " correct, " + failed + " failed of " + queries);
        }
        byType = byType == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(byType));
    }

    /** Share of questions answered correctly; 0 when none were asked. */
    public double accuracy() {
        return queries == 0 ? 0 : (double) correct / queries;
    }

    public ObjectNode toJsonNode() {
        ObjectNode node = counts();
        ObjectNode types = node.putObject("by_type");
        byType.forEach((type, r) -> types.set(type, r.counts()));
        return node;
    }

    private ObjectNode counts() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("accuracy", accuracy());
        node.put("queries", queries);
        node.put("correct", correct);
        node.put("failed", failed);
        return node;
    }
}
