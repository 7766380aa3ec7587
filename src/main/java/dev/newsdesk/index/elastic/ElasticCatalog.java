package dev.newsdesk.index.elastic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsdesk.retrieve.ArticleView;
import dev.newsdesk.retrieve.Catalog;
import dev.newsdesk.retrieve.Hit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link Catalog} over the cluster index: documents by id (idempotent ids, see {@link ElasticIngestSink}), stats by aggregation. */
final class ElasticCatalog implements Catalog {
    private final ElasticClient client;
    private final String index;
    private final ObjectMapper m;

    ElasticCatalog(ElasticClient client, String index) {
        this.client = client;
        this.index = index;
        this.m = client.mapper();
    }

    @Override
    public Optional<ArticleView> article(String articleId) {
        // a multi-get of one: "not found" is a 200 with found=false, so a 404 can only be a closing node, and read retries it
        ObjectNode body = m.createObjectNode();
        body.putArray("ids").add(ElasticIngestSink.articleDocId(articleId));
        JsonNode d = client.read("POST", "/" + index + "/_mget", body).path("docs").path(0);
        if (!d.path("found").asBoolean()) return Optional.empty();
        JsonNode s = d.path("_source");
        List<String> also = new ArrayList<>();
        s.path("also_published_by").forEach(n -> also.add(n.asText()));
        String pub = s.path("published").asText("");
        return Optional.of(new ArticleView(s.path("article_id").asText(), s.path("title").asText(), s.path("outlet").asText(),
                pub.isEmpty() ? null : LocalDate.parse(pub), text(s, "url"), text(s, "author"), text(s, "category"),
                s.path("body").asText(), text(s, "source"), also, s.path("passage_count").asInt()));
    }

    private static String text(JsonNode s, String f) {
        JsonNode n = s.path(f);
        return n.isMissingNode() || n.isNull() ? null : n.asText();
    }

    @Override
    public Optional<Hit> passage(String passageId) {
        return Optional.ofNullable(passages(List.of(passageId)).get(passageId));
    }

    /** Passages by id in one multi-get. */
    Map<String, Hit> passages(Collection<String> ids) {
        Map<String, Hit> out = new HashMap<>();
        if (ids.isEmpty()) return out;
        ObjectNode body = m.createObjectNode();
        ArrayNode list = body.putArray("ids");
        ids.forEach(id -> list.add(ElasticIngestSink.passageDocId(id)));
        for (JsonNode d : client.read("POST", "/" + index + "/_mget", body).path("docs")) {
            if (d.path("found").asBoolean()) {
                Hit h = ElasticQueries.hit(d.path("_source"), 0);
                out.put(h.passageId(), h);
            }
        }
        return out;
    }

    @Override
    public List<Hit> passagesOf(String articleId) {
        ObjectNode body = m.createObjectNode();
        body.put("size", 10_000);
        ArrayNode f = body.putObject("query").putObject("bool").putArray("filter");
        f.addObject().putObject("term").put("kind", "passage");
        f.addObject().putObject("term").put("article_id", articleId);
        body.putArray("sort").add("ordinal");
        List<Hit> out = new ArrayList<>();
        for (JsonNode h : client.read("POST", "/" + index + "/_search?allow_partial_search_results=false", body).path("hits").path("hits")) {
            out.add(ElasticQueries.hit(h.path("_source"), 0));
        }
        return out;
    }

    /** Every article id, paged with search_after on the id (sorted, so "index order" is id order here). */
    @Override
    public List<String> articleIds() {
        List<String> out = new ArrayList<>();
        String after = null;
        while (true) {
            ObjectNode body = m.createObjectNode();
            body.put("size", 5_000);
            body.putObject("query").putObject("term").put("kind", "article");
            body.putArray("_source").add("article_id");
            body.putArray("sort").add("article_id");
            if (after != null) body.putArray("search_after").add(after);
            JsonNode hits = client.call("POST", "/" + index + "/_search", body).path("hits").path("hits");
            if (hits.isEmpty()) return out;
            for (JsonNode h : hits) out.add(h.path("_source").path("article_id").asText());
            after = out.get(out.size() - 1);
        }
    }

    @Override
    public Stats stats() {
        ObjectNode body = m.createObjectNode();
        body.put("size", 0);
        body.put("track_total_hits", true);
        body.putObject("query").putObject("term").put("kind", "article");
        ObjectNode aggs = body.putObject("aggs");
        aggs.putObject("outlets").putObject("terms").put("field", "outlet").put("size", 10_000);
        aggs.putObject("earliest").putObject("min").put("field", "published").put("format", "strict_date");
        aggs.putObject("latest").putObject("max").put("field", "published").put("format", "strict_date");
        JsonNode r = client.call("POST", "/" + index + "/_search", body);
        int articles = r.path("hits").path("total").path("value").asInt();
        List<OutletCount> outlets = new ArrayList<>();
        for (JsonNode b : r.path("aggregations").path("outlets").path("buckets")) {
            outlets.add(new OutletCount(b.path("key").asText(), b.path("doc_count").asInt()));
        }
        outlets.sort(java.util.Comparator.comparingInt(OutletCount::articles).reversed().thenComparing(OutletCount::outlet));
        ObjectNode pc = m.createObjectNode();
        pc.putObject("query").putObject("term").put("kind", "passage");
        int passages = client.call("POST", "/" + index + "/_count", pc).path("count").asInt();
        long bytes = client.call("GET", "/" + index + "/_stats/store", null).path("_all").path("total").path("store").path("size_in_bytes").asLong();
        return new Stats(articles, passages, outlets, date(r, "earliest"), date(r, "latest"), bytes);
    }

    private static LocalDate date(JsonNode r, String agg) {
        String s = r.path("aggregations").path(agg).path("value_as_string").asText("");
        return s.isEmpty() ? null : LocalDate.parse(s);
    }
}
