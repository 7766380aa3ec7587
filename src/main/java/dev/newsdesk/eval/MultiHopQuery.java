package dev.newsdesk.eval;

import java.util.List;
import java.util.Objects;

/**
 * One MultiHop-RAG query as in {@code queries-dev.json}.
 *
 * @param type the benchmark's {@code question_type}: one of {@link MultiHopQueries#TYPES}
 * @param evidenceFacts the gold facts in file order ({@code evidence_list[*].fact}); empty for null queries
 * @param evidence the full evidence items, same order as {@code evidenceFacts}
 */
public record MultiHopQuery(String query, String answer, String type, List<String> evidenceFacts,
                            List<Evidence> evidence) {
    public MultiHopQuery {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(type, "type");
        answer = answer == null ? "" : answer;
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        evidenceFacts = evidenceFacts == null ? evidence.stream().map(Evidence::fact).toList() : List.copyOf(evidenceFacts);
    }

    /** True for the benchmark's unanswerable queries, which retrieval metrics skip. */
    public boolean isNull() {
        return MultiHopQueries.NULL_QUERY.equals(type);
    }
}
