package dev.newsdesk.index.elastic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsdesk.retrieve.Filters;
import dev.newsdesk.retrieve.Hit;
import dev.newsdesk.retrieve.QuestionFraming;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The cluster's form of {@code Bm25Retriever}'s query: one term clause per distinct content term on the passage
 * (plus a 0.3 headline clause), one sloppy phrase (slop 8, weight 0.5) per adjacent pair, filters as filter
 * clauses inside the query. Terms are newsdesk's own analyzed terms, so both backends score the same words.
 */
final class ElasticQueries {
    static final int MAX_QUERY_TERMS = 64;
    static final float TITLE_BOOST = 0.3f;
    static final float PROXIMITY_WEIGHT = 0.5f;
    static final int PROXIMITY_SLOP = 8;

    private ElasticQueries() {}

    static ObjectNode bm25(ObjectMapper m, List<String> analyzed, String textField, String titleField, String kind, Filters f) {
        List<String> seq = QuestionFraming.content(analyzed);
        Set<String> terms = new LinkedHashSet<>();
        for (String t : seq) if (terms.size() < MAX_QUERY_TERMS) terms.add(t);
        ArrayNode should = m.createArrayNode();
        for (String t : terms) {
            // match, not term: the question's terms go through the field's own (whitespace) analysis, as the
            // indexed values did, so a term the tokenizer would cut differently still meets its indexed form
            should.addObject().putObject("match").putObject(textField).put("query", t);
            if (titleField != null) should.addObject().putObject("match").putObject(titleField).put("query", t).put("boost", TITLE_BOOST);
        }
        Set<List<String>> pairs = new LinkedHashSet<>();
        for (int i = 0; i + 1 < seq.size() && pairs.size() < MAX_QUERY_TERMS; i++) {
            if (!seq.get(i).equals(seq.get(i + 1))) pairs.add(List.of(seq.get(i), seq.get(i + 1)));
        }
        for (List<String> p : pairs) {
            should.addObject().putObject("match_phrase").putObject(textField).put("query", p.get(0) + " " + p.get(1))
                    .put("slop", PROXIMITY_SLOP).put("boost", PROXIMITY_WEIGHT);
        }
        ObjectNode bool = m.createObjectNode();
        ObjectNode inner = bool.putObject("bool");
        ObjectNode must = inner.putArray("must").addObject().putObject("bool");
        must.set("should", should);
        must.put("minimum_should_match", 1);
        inner.set("filter", filter(m, kind, f));
        return bool;
    }

    static ArrayNode filter(ObjectMapper m, String kind, Filters f) {
        ArrayNode filter = m.createArrayNode();
        filter.addObject().putObject("term").put("kind", kind);
        if (!f.outlets().isEmpty()) {
            ArrayNode keys = filter.addObject().putObject("terms").putArray("outlet_key");
            f.outlets().forEach(o -> keys.add(o.toLowerCase(Locale.ROOT)));
        }
        if (f.since() != null || f.until() != null) {
            ObjectNode range = filter.addObject().putObject("range").putObject("published");
            if (f.since() != null) range.put("gte", f.since().toString());
            if (f.until() != null) range.put("lte", f.until().toString());
        }
        return filter;
    }

    static Hit hit(JsonNode src, double score) {
        String text = src.path("text").asText();
        String pub = src.path("published").asText(null);
        return new Hit(src.path("passage_id").asText(), src.path("article_id").asText(), src.path("ordinal").asInt(),
                src.path("start").asInt(), src.path("end").asInt(), text, src.path("title").asText(),
                src.path("outlet").asText(), pub == null || pub.isEmpty() ? null : LocalDate.parse(pub),
                src.path("url").isMissingNode() || src.path("url").isNull() ? null : src.path("url").asText(), score, text);
    }

    /** Hits of a search reply, best first, ties broken by passage id as every retriever does. */
    static List<Hit> hits(JsonNode reply) {
        List<Hit> out = new ArrayList<>();
        for (JsonNode h : reply.path("hits").path("hits")) out.add(hit(h.path("_source"), h.path("_score").asDouble()));
        out.sort(java.util.Comparator.comparingDouble(Hit::score).reversed().thenComparing(Hit::passageId));
        return out;
    }
}
