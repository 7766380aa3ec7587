package dev.newsdesk.index.elastic;

import co.elastic.clients.transport.rest5_client.low_level.ResponseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsdesk.index.Analyzers;
import dev.newsdesk.index.ArticleFields;
import dev.newsdesk.index.IndexedArticle;
import dev.newsdesk.index.IngestSink;
import dev.newsdesk.ingest.Article;
import dev.newsdesk.ingest.ContentHash;
import dev.newsdesk.ingest.Passage;
import dev.newsdesk.ingest.Span;
import dev.newsdesk.retrieve.IndexUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.apache.lucene.analysis.Analyzer;

/**
 * Ingest into an Elasticsearch index through the bulk API. Ids are idempotent (article "a:ID", passage "p:PASSAGE",
 * sentence "s:PASSAGE:i"), so a re-run overwrites instead of duplicating. A bulk request carries whole articles only,
 * and an article's own document (the one whose content hash tells the next run it is done) is sent only after
 * every passage and sentence of it was acknowledged: an ingest killed mid-way leaves at worst passages whose
 * article the next run writes again (same ids, no duplicate), never an article marked done with a passage missing.
 * Items the cluster rejects as overloaded (429) are retried with exponential back-off; at most two bulk requests
 * are in flight, and a writer thread waits for a slot (back-pressure).
 */
public final class ElasticIngestSink implements IngestSink {
    /** "-2": the *_terms fields keep the stop-word gaps ({@link Terms#values}); an index of the first layout is rebuilt. */
    static final String SCHEMA = "es-" + ArticleFields.SCHEMA_VERSION + "-2";
    static final String META_SCHEMA = "newsdesk.schema";
    static final String META_EMBEDDING = "newsdesk.embedding";
    /** ~5 MB per bulk request, the size Elastic's guide starts from. */
    static final int BULK_BYTES = 5 << 20;
    private static final int MAX_RETRIES = 8;

    private final ElasticClient client;
    private final String index;
    private final ObjectMapper m;
    private final Analyzer analyzer = Analyzers.english();
    private final boolean rebuilt;
    private final Semaphore inFlight = new Semaphore(2);
    private final Object lock = new Object();
    private StringBuilder parts = new StringBuilder();
    private StringBuilder markers = new StringBuilder();

    private ElasticIngestSink(ElasticClient client, boolean rebuilt) {
        this.client = client;
        this.index = client.settings().index();
        this.m = client.mapper();
        this.rebuilt = rebuilt;
    }

    static String articleDocId(String articleId) {
        return "a:" + articleId;
    }

    static String passageDocId(String passageId) {
        return "p:" + passageId;
    }

    /** Opens the index, creating it (or rebuilding one of another layout or embedding model). Owns the client. */
    public static ElasticIngestSink open(ElasticClient client, String embeddingModel) throws IOException {
        String index = client.settings().index();
        JsonNode mapping = client.callOrNull("GET", "/" + index + "/_mapping", null);
        boolean rebuild = false;
        if (mapping != null && mapping.elements().hasNext()) {
            JsonNode meta = mapping.elements().next().path("mappings").path("_meta");
            if (SCHEMA.equals(meta.path(META_SCHEMA).asText()) && embeddingModel.equals(meta.path(META_EMBEDDING).asText())) {
                return new ElasticIngestSink(client, false);
            }
            client.call("DELETE", "/" + index, null);
            rebuild = true;
        }
        ObjectNode body;
        try (InputStream in = ElasticIngestSink.class.getResourceAsStream("/elasticsearch/index.json")) {
            body = (ObjectNode) client.mapper().readTree(in);
        }
        ObjectNode mappings = (ObjectNode) body.path("mappings");
        ObjectNode meta = (ObjectNode) mappings.path("_meta");
        meta.put(META_SCHEMA, SCHEMA);
        meta.put(META_EMBEDDING, embeddingModel);
        if (!embeddingModel.equals("none")) {
            int dims = Integer.parseInt(embeddingModel.substring(embeddingModel.indexOf('/') + 1));
            ((ObjectNode) mappings.path("properties")).putObject("vector").put("type", "dense_vector").put("dims", dims)
                    .put("index", true).put("similarity", "dot_product");
        }
        client.call("PUT", "/" + index, body);
        client.call("GET", "/_cluster/health/" + index + "?wait_for_status=yellow&timeout=30s", null);
        return new ElasticIngestSink(client, rebuild);
    }

    @Override
    public Map<String, IndexedArticle> indexed() throws IOException {
        Map<String, IndexedArticle> out = new HashMap<>();
        if (rebuilt) return out;
        client.call("POST", "/" + index + "/_refresh", null);
        String after = null;
        while (true) {
            ObjectNode body = m.createObjectNode();
            body.put("size", 5_000);
            body.putObject("query").putObject("term").put("kind", "article");
            body.putArray("_source").add("article_id").add("content_hash").add("source");
            body.putArray("sort").add("article_id");
            if (after != null) body.putArray("search_after").add(after);
            JsonNode hits = client.call("POST", "/" + index + "/_search", body).path("hits").path("hits");
            if (hits.isEmpty()) return out;
            for (JsonNode h : hits) {
                JsonNode s = h.path("_source");
                after = s.path("article_id").asText();
                out.put(after, new IndexedArticle(after, s.path("content_hash").asText(), s.path("source").asText(null)));
            }
        }
    }

    /**
     * Finds the article's documents (article, passages, sentences) by id and deletes them in one bulk request:
     * _delete_by_query lives in the reindex module, which a cluster may lack (the test framework's has none).
     */
    @Override
    public void delete(String articleId) throws IOException {
        flush();
        client.call("POST", "/" + index + "/_refresh", null);
        while (true) {
            ObjectNode body = m.createObjectNode();
            body.put("size", 10_000);
            body.put("_source", false);
            body.putObject("query").putObject("term").put("article_id", articleId);
            JsonNode hits = client.call("POST", "/" + index + "/_search", body).path("hits").path("hits");
            if (hits.isEmpty()) return;
            StringBuilder ndjson = new StringBuilder();
            for (JsonNode h : hits) {
                ndjson.append("{\"delete\":{\"_index\":").append(m.writeValueAsString(index)).append(",\"_id\":")
                        .append(m.writeValueAsString(h.path("_id").asText())).append("}}\n");
            }
            JsonNode r = client.call("POST", "/_bulk?refresh=true", ndjson.toString());
            for (JsonNode item : r.path("items")) {
                int status = item.path("delete").path("status").asInt();
                if (status >= 300 && status != 404) {
                    throw new IOException("Elasticsearch refused to delete document '" + item.path("delete").path("_id").asText()
                            + "' (HTTP " + status + "); check the cluster's health and run ingest again");
                }
            }
            if (hits.size() < 10_000) return;
        }
    }

    @Override
    public void write(Article a, List<Passage> passages, List<float[]> vectors, boolean replace) throws IOException {
        if (replace) delete(a.id()); // a shorter new version must not leave its old tail passages behind
        StringBuilder p = new StringBuilder();
        String outletKey = a.outlet().toLowerCase(Locale.ROOT);
        for (int i = 0; i < passages.size(); i++) {
            Passage ps = passages.get(i);
            ObjectNode d = metadata(a, outletKey);
            d.put("kind", "passage").put("passage_id", ps.id()).put("ordinal", ps.ordinal()).put("start", ps.start())
                    .put("end", ps.end()).put("text", ps.text());
            terms(d, "text_terms", ps.text());
            terms(d, "title_terms", a.title());
            if (vectors != null) {
                var arr = d.putArray("vector");
                for (float f : vectors.get(i)) arr.add(f);
            }
            line(p, passageDocId(ps.id()), d);
            int n = 0;
            for (Span s : ps.sentences()) {
                String text = ps.text().substring(s.start(), s.end());
                ObjectNode sd = m.createObjectNode();
                sd.put("kind", "sentence").put("article_id", a.id()).put("passage_id", ps.id()).put("outlet_key", outletKey);
                if (a.published() != null) sd.put("published", a.published().toString());
                terms(sd, "sentence_terms", text);
                line(p, "s:" + ps.id() + ":" + n++, sd);
            }
        }
        ObjectNode ad = metadata(a, outletKey);
        ad.put("kind", "article").put("body", a.body()).put("source", a.source()).put("content_hash", ContentHash.of(a))
                .put("passage_count", passages.size());
        var also = ad.putArray("also_published_by");
        a.alsoPublishedBy().forEach(also::add);
        StringBuilder marker = new StringBuilder();
        line(marker, articleDocId(a.id()), ad);
        boolean full;
        synchronized (lock) {
            parts.append(p);
            markers.append(marker);
            full = parts.length() + markers.length() >= BULK_BYTES;
        }
        if (full) flush();
    }

    private void terms(ObjectNode doc, String field, String text) {
        var values = doc.putArray(field);
        Terms.values(analyzer, text).forEach(values::add);
    }

    private ObjectNode metadata(Article a, String outletKey) {
        ObjectNode d = m.createObjectNode();
        d.put("article_id", a.id()).put("title", a.title()).put("outlet", a.outlet()).put("outlet_key", outletKey);
        if (a.published() != null) d.put("published", a.published().toString());
        if (a.url() != null) d.put("url", a.url());
        if (a.author() != null) d.put("author", a.author());
        if (a.category() != null) d.put("category", a.category());
        return d;
    }

    private void line(StringBuilder sb, String id, ObjectNode doc) throws IOException {
        sb.append("{\"index\":{\"_index\":").append(m.writeValueAsString(index)).append(",\"_id\":")
                .append(m.writeValueAsString(id)).append("}}\n").append(m.writeValueAsString(doc)).append('\n');
    }

    /** Sends what is buffered: passages and sentences first, then (only once they are in) their articles' markers. */
    private void flush() throws IOException {
        String p;
        String a;
        synchronized (lock) {
            if (parts.isEmpty() && markers.isEmpty()) return;
            p = parts.toString();
            a = markers.toString();
            parts = new StringBuilder();
            markers = new StringBuilder();
        }
        inFlight.acquireUninterruptibly();
        try {
            bulk(p);
            bulk(a);
        } finally {
            inFlight.release();
        }
    }

    private void bulk(String ndjson) throws IOException {
        List<String> pending = splitPairs(ndjson);
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (attempt > MAX_RETRIES) {
                throw new IOException("Elasticsearch kept rejecting " + pending.size() + " documents as overloaded (HTTP 429) after "
                        + MAX_RETRIES + " retries; give the cluster more capacity or ingest again later (finished articles are kept)");
            }
            if (attempt > 0) sleep(100L << Math.min(attempt, 7));
            JsonNode r;
            try {
                r = client.callOrThrow("POST", "/_bulk", String.join("", pending));
            } catch (ResponseException e) {
                if (e.getResponse().getStatusCode() == 429) continue;
                throw client.unavailable(e);
            } catch (IOException e) {
                throw client.unavailable(e);
            }
            List<String> retry = new ArrayList<>();
            int i = 0;
            for (JsonNode item : r.path("items")) {
                JsonNode res = item.path("index");
                int status = res.path("status").asInt();
                if (status == 429 || status == 503) retry.add(pending.get(i));
                else if (status >= 300) {
                    throw new IOException("Elasticsearch refused document '" + res.path("_id").asText() + "' ("
                            + res.path("error").path("reason").asText("HTTP " + status) + "); check the index layout and run ingest again");
                }
                i++;
            }
            pending = retry;
        }
    }

    private static List<String> splitPairs(String ndjson) {
        List<String> out = new ArrayList<>();
        int pos = 0;
        while (pos < ndjson.length()) {
            int a = ndjson.indexOf('\n', pos);
            int b = ndjson.indexOf('\n', a + 1);
            out.add(ndjson.substring(pos, b + 1));
            pos = b + 1;
        }
        return out;
    }

    private static void sleep(long ms) throws IOException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting to retry a bulk request", e);
        }
    }

    @Override
    public boolean flushNext() throws IOException {
        return false;
    }

    /** Acknowledged bulk items are durable (the translog is fsynced per request); refresh makes them searchable. */
    @Override
    public void commit() throws IOException {
        flush();
        client.call("POST", "/" + index + "/_refresh", null);
    }

    @Override
    public IOException writeFailure(Exception e) {
        if (e instanceof IndexUnavailableException u) return new IOException(u.getMessage(), u);
        if (e instanceof IOException io && io.getMessage() != null && io.getMessage().startsWith("Elasticsearch")) return io;
        return null;
    }

    /** Drops what was not sent; what was sent stays (idempotent ids make the next run's rewrite harmless). */
    @Override
    public void close() throws IOException {
        analyzer.close();
        client.close();
    }
}
