package dev.newsdesk.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Retrieval metrics averaged over the evaluated (non-null) queries, as MultiHop-RAG's
 * {@code retrieval_evaluate.py} defines them, plus two evidence-coverage figures of our own.
 * All values are means over {@code queries}; with zero queries they are 0.
 *
 * @param hits4 share of queries with a relevant passage in the top 4
 * @param hits10 share of queries with a relevant passage in the top 10
 * @param mrr10 mean of 1/rank of the first relevant passage within the top 10 (0 when none)
 * @param map10 mean of the benchmark's average precision (see {@link RetrievalMetrics#score})
 * @param evidenceRecall10 mean share of a query's distinct gold facts found in the top 10
 * @param allEvidence10 share of queries whose gold facts are all found in the top 10
 * @param byType the same figures per question type (in {@link MultiHopQueries#TYPES} order); empty inside a per-type report
 */
public record MetricReport(double hits4, double hits10, double mrr10, double map10, double evidenceRecall10,
                           double allEvidence10, int queries, Map<String, MetricReport> byType) {
    public MetricReport {
        if (queries < 0) throw new IllegalArgumentException("queries " + queries + " < 0");
        byType = byType == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(byType));
    }

    /** The report as a Jackson tree with keys "hits@4", ..., "queries", "by_type" (by_type only when non-empty). */
    public ObjectNode toJsonNode() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("hits@4", hits4);
        node.put("hits@10", hits10);
        node.put("mrr@10", mrr10);
        node.put("map@10", map10);
        node.put("evidence_recall@10", evidenceRecall10);
        node.put("all_evidence@10", allEvidence10);
        node.put("queries", queries);
        ObjectNode types = node.putObject("by_type");
        byType.forEach((type, report) -> types.set(type, report.toJsonNode()));
        if (byType.isEmpty()) node.remove("by_type");
        return node;
    }

    /** One pretty-printed JSON object; see {@link #toJsonNode()}. */
    public String toJson() {
        try {
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(toJsonNode());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a metric report", e); // a tree of numbers always serialises
        }
    }
}
