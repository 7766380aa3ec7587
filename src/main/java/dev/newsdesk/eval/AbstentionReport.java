package dev.newsdesk.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How an answerer treats unanswerable (null_query) and answerable MultiHop-RAG queries.
 *
 * @param nullQueries null queries asked
 * @param nullAbstained of those, answers with {@code abstained()} true (the wanted outcome)
 * @param answerableQueries answerable queries asked
 * @param answerableAnswered of those, answers with {@code abstained()} false (the wanted outcome; says nothing
 *                           about correctness)
 */
public record AbstentionReport(int nullQueries, int nullAbstained, int answerableQueries, int answerableAnswered) {
    public AbstentionReport {
        if (nullAbstained < 0 || nullAbstained > nullQueries || answerableAnswered < 0
                || answerableAnswered > answerableQueries) {
            throw new IllegalArgumentException("inconsistent counts: " + nullAbstained + "/" + nullQueries + " null, "
                    + answerableAnswered + "/" + answerableQueries + " answerable");
        }
    }

    /** Share of null queries where the answerer abstained; 0 when none were asked. */
    public double nullAbstainRate() {
        return nullQueries == 0 ? 0 : (double) nullAbstained / nullQueries;
    }

    /** Share of answerable queries where the answerer did not abstain; 0 when none were asked. */
    public double answerableAnswerRate() {
        return answerableQueries == 0 ? 0 : (double) answerableAnswered / answerableQueries;
    }

    public ObjectNode toJsonNode() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("null_abstain_rate", nullAbstainRate());
        node.put("answerable_answer_rate", answerableAnswerRate());
        node.put("null_queries", nullQueries);
        node.put("null_abstained", nullAbstained);
        node.put("answerable_queries", answerableQueries);
        node.put("answerable_answered", answerableAnswered);
        return node;
    }

    public String toJson() {
        try {
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(toJsonNode());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise an abstention report", e);
        }
    }
}
