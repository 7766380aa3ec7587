package dev.newsdesk.index.elastic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsdesk.index.Analyzers;
import dev.newsdesk.retrieve.Catalog;
import dev.newsdesk.retrieve.Embeddings;
import dev.newsdesk.retrieve.Hit;
import dev.newsdesk.retrieve.IndexUnavailableException;
import dev.newsdesk.retrieve.Lexicon;
import dev.newsdesk.retrieve.Retriever;
import dev.newsdesk.retrieve.SearchBackend;
import dev.newsdesk.retrieve.SearchRequest;
import dev.newsdesk.retrieve.Snippets;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;

/**
 * {@link SearchBackend} over an Elasticsearch index that {@link ElasticIngestSink} wrote: BM25 and kNN run in the
 * cluster with the filters inside the request; planning, fusion, diversification and answers stay in newsdesk
 * ({@code Retrieval}), the same code as for the embedded index. Questions are analyzed here by newsdesk's own
 * analyzer, as the passages were at ingest, so both backends match the same terms.
 *
 * <p>BM25 runs as {@code dfs_query_then_fetch}: term statistics over all shards, so scores equal one index's.
 * kNN's {@code k} is per shard; the reply is cut to the count asked for. Snippets are marked here by newsdesk's own
 * {@link Snippets}, the code that marks the embedded index's hits, so both show the same.
 */
public final class ElasticBackend implements SearchBackend {
    private final ElasticClient client;
    private final String index;
    private final Analyzer analyzer = Analyzers.english();
    private final ObjectMapper m;
    private final Embeddings given;
    private final Map<String, Long> docFreqs = new ConcurrentHashMap<>();
    private volatile long generation;
    private volatile long passages = -1;
    private volatile String embeddingModel;
    private Embeddings loaded;

    /** Opens the backend and checks that the index exists and was written by this version's layout. */
    public ElasticBackend(ElasticClient client, Embeddings queryEmbeddings) {
        this.client = client;
        this.index = client.settings().index();
        this.m = client.mapper();
        this.given = queryEmbeddings;
        JsonNode mapping = client.callOrNull("GET", "/" + index + "/_mapping", null);
        if (mapping == null || mapping.has("error") || !mapping.elements().hasNext()) {
            throw new IndexUnavailableException("Elasticsearch at " + client.settings().hosts() + " has no index '" + index
                    + "'; run newsdesk ingest with index.backend=elasticsearch to create it, or set elasticsearch.index");
        }
        JsonNode meta = mapping.elements().hasNext() ? mapping.elements().next().path("mappings").path("_meta") : m.createObjectNode();
        String schema = meta.path(ElasticIngestSink.META_SCHEMA).asText("");
        if (!ElasticIngestSink.SCHEMA.equals(schema)) {
            throw new IndexUnavailableException("Elasticsearch index '" + index + "' has layout '" + schema + "', this version "
                    + "reads '" + ElasticIngestSink.SCHEMA + "'; re-run newsdesk ingest with index.backend=elasticsearch to rebuild it");
        }
        this.embeddingModel = meta.path(ElasticIngestSink.META_EMBEDDING).asText(Embeddings.NONE);
        this.generation = readGeneration();
    }

    public ElasticClient client() {
        return client;
    }

    @Override
    public String name() {
        return "elasticsearch";
    }

    List<String> analyze(String text) {
        return dev.newsdesk.index.elastic.Terms.of(analyzer, text);
    }

    @Override
    public Retriever lexical(boolean snippets) {
        return r -> {
            ObjectNode body = m.createObjectNode();
            body.put("size", r.limit());
            body.set("query", ElasticQueries.bm25(m, analyze(r.query()), "text_terms", "title_terms", "passage", r.filters()));
            List<Hit> hits = ElasticQueries.hits(search(body, true));
            return snippets ? Snippets.marked(analyzer, r.query(), hits) : hits;
        };
    }

    @Override
    public Retriever dense() {
        Embeddings e = queryEmbeddings();
        return r -> {
            ObjectNode body = m.createObjectNode();
            ObjectNode knn = body.putObject("knn");
            knn.put("field", "vector");
            ArrayNode v = knn.putArray("query_vector");
            for (float f : e.embedQuery(r.query())) v.add(f);
            knn.put("k", r.limit());
            knn.put("num_candidates", Math.max(100, r.limit() * 2));
            ObjectNode filter = knn.putObject("filter").putObject("bool");
            filter.set("filter", ElasticQueries.filter(m, "passage", r.filters()));
            body.put("size", r.limit()); // k is per shard: the merged reply is cut to the final count
            return ElasticQueries.hits(search(body, false));
        };
    }

    @Override
    public Retriever sentences(boolean snippets) {
        return r -> {
            ObjectNode body = m.createObjectNode();
            body.put("size", r.limit() * 3);
            body.set("query", ElasticQueries.bm25(m, analyze(r.query()), "sentence_terms", null, "sentence", r.filters()));
            body.putArray("_source").add("passage_id");
            Map<String, Double> best = new LinkedHashMap<>();
            for (JsonNode h : search(body, true).path("hits").path("hits")) {
                if (best.size() == r.limit()) break;
                best.putIfAbsent(h.path("_source").path("passage_id").asText(), h.path("_score").asDouble());
            }
            List<Hit> out = new ArrayList<>();
            Map<String, Hit> found = catalogImpl().passages(best.keySet());
            best.forEach((id, score) -> { Hit h = found.get(id); if (h != null) out.add(h.withScore(score)); });
            return snippets ? Snippets.marked(analyzer, r.query(), out) : out;
        };
    }

    /**
     * A search that is whole or fails: a shard lost mid-request (a node stopping) would otherwise give a 200 with
     * fewer passages; the failure is retried once ({@link ElasticClient#read}). Measured in ElasticFailoverIT:
     * without this, 1 of 120 searches while a node stopped came back with other passages.
     */
    JsonNode search(ObjectNode body, boolean dfs) {
        return client.read("POST", "/" + index + "/_search?allow_partial_search_results=false"
                + (dfs ? "&search_type=dfs_query_then_fetch" : ""), body);
    }

    private ElasticCatalog catalogImpl() {
        return new ElasticCatalog(client, index);
    }

    @Override
    public Catalog catalog() {
        return catalogImpl();
    }

    @Override
    public Lexicon lexicon() {
        return new Lexicon() {
            @Override
            public List<String> terms(String text) {
                return analyze(text);
            }

            @Override
            public long docFreq(String term) {
                return docFreqs.computeIfAbsent(term, t -> count(t));
            }

            @Override
            public double idf(String term) {
                long n = Math.max(1, passageCount());
                long df = docFreq(term);
                return Math.log(1 + (n - df + 0.5) / (df + 0.5));
            }
        };
    }

    private long count(String term) {
        ObjectNode body = m.createObjectNode();
        ObjectNode bool = body.putObject("query").putObject("bool");
        ArrayNode f = bool.putArray("filter");
        f.addObject().putObject("term").put("kind", "passage");
        if (term != null) f.addObject().putObject("match").putObject("text_terms").put("query", term); // as ElasticQueries.bm25
        return client.read("POST", "/" + index + "/_count", body).path("count").asLong();
    }

    private long passageCount() {
        if (passages < 0) passages = count(null);
        return passages;
    }

    @Override
    public String embeddingModel() {
        return embeddingModel;
    }

    @Override
    public long generation() {
        return generation;
    }

    private long readGeneration() {
        JsonNode idx = client.call("GET", "/" + index + "/_stats/indexing,docs", null).path("_all").path("primaries");
        return idx.path("indexing").path("index_total").asLong() * 31 + idx.path("indexing").path("delete_total").asLong()
                + idx.path("docs").path("count").asLong();
    }

    @Override
    public void refresh() throws IOException {
        long g = readGeneration();
        if (g != generation) {
            docFreqs.clear();
            passages = -1;
            JsonNode mapping = client.call("GET", "/" + index + "/_mapping", null);
            if (mapping.elements().hasNext()) {
                embeddingModel = mapping.elements().next().path("mappings").path("_meta").path(ElasticIngestSink.META_EMBEDDING).asText(Embeddings.NONE);
            }
            generation = g;
        }
    }

    private synchronized Embeddings queryEmbeddings() {
        if (given != null) return given;
        if (embeddingModel.equals(Embeddings.NONE)) {
            throw new IllegalArgumentException("Elasticsearch index '" + index + "' has no passage vectors; set embedding.model in "
                    + "config/newsdesk.properties and re-run ingest, or use --mode bm25");
        }
        if (loaded == null) loaded = Embeddings.load(embeddingModel.substring(0, embeddingModel.indexOf('/')));
        return loaded;
    }

    /** Health, shards and replicas for {@code stats --json}. */
    public Map<String, Object> clusterInfo() {
        JsonNode h = client.call("GET", "/_cluster/health/" + index, null);
        JsonNode s = client.call("GET", "/" + index + "/_settings", null).elements().next().path("settings").path("index");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("hosts", client.settings().hosts().toString());
        out.put("index", index);
        out.put("health", h.path("status").asText());
        out.put("nodes", h.path("number_of_nodes").asInt());
        out.put("shards", s.path("number_of_shards").asInt());
        out.put("replicas", s.path("number_of_replicas").asInt());
        out.put("activeShards", h.path("active_shards").asInt());
        return out;
    }

    @Override
    public void close() throws IOException {
        analyzer.close();
        client.close();
    }
}
