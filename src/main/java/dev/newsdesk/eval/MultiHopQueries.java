package dev.newsdesk.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Loads MultiHop-RAG query files ({@code queries-dev.json}, or the benchmark's full {@code MultiHopRAG.json}). */
public final class MultiHopQueries {
    public static final String INFERENCE_QUERY = "inference_query";
    public static final String COMPARISON_QUERY = "comparison_query";
    public static final String TEMPORAL_QUERY = "temporal_query";
    public static final String NULL_QUERY = "null_query";
    /** The benchmark's question types, in the order reports list them. */
    public static final List<String> TYPES = List.of(INFERENCE_QUERY, COMPARISON_QUERY, TEMPORAL_QUERY, NULL_QUERY);

    private MultiHopQueries() {
    }

    /**
     * Reads a JSON array of queries, keeping file order (the index in the returned list is the run-file qid).
     *
     * @throws UncheckedIOException when the file is missing or not a JSON array of queries
     */
    public static List<MultiHopQuery> load(Path file) {
        JsonNode root = JsonArrayFile.read(file, "MultiHop-RAG queries", "queries", "../shared/datasets/multihop-rag/queries-dev.json");
        List<MultiHopQuery> queries = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            queries.add(parse(root.get(i), file, i));
        }
        return List.copyOf(queries);
    }

    /** Number of queries per type, in {@link #TYPES} order, then any unknown types in order of appearance. */
    public static Map<String, Integer> countByType(List<MultiHopQuery> queries) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String type : TYPES) counts.put(type, 0);
        for (MultiHopQuery q : queries) counts.merge(q.type(), 1, Integer::sum);
        return counts;
    }

    private static MultiHopQuery parse(JsonNode node, Path file, int index) {
        String query = text(node, "query", file, index, true);
        String type = text(node, "question_type", file, index, true);
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException(file + " query #" + index + " has question_type '" + type
                    + "'; expected one of " + TYPES);
        }
        List<Evidence> evidence = new ArrayList<>();
        JsonNode list = node.path("evidence_list");
        if (!list.isMissingNode() && !list.isNull()) {
            if (!list.isArray()) throw new IllegalArgumentException(file + " query #" + index + ": evidence_list is not an array");
            for (JsonNode e : list) {
                evidence.add(new Evidence(text(e, "title", file, index, false), text(e, "author", file, index, false),
                        text(e, "url", file, index, false), text(e, "source", file, index, false),
                        text(e, "category", file, index, false), text(e, "published_at", file, index, false),
                        text(e, "fact", file, index, true)));
            }
        }
        return new MultiHopQuery(query, text(node, "answer", file, index, false), type,
                evidence.stream().map(Evidence::fact).toList(), evidence);
    }

    private static String text(JsonNode node, String field, Path file, int index, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) throw new IllegalArgumentException(file + " query #" + index + " has no '" + field + "'");
            return null;
        }
        return value.asText();
    }
}
