package dev.newsdesk.cli;

import dev.newsdesk.index.IngestSink;
import dev.newsdesk.index.elastic.ElasticBackend;
import dev.newsdesk.index.elastic.ElasticClient;
import dev.newsdesk.index.elastic.ElasticSettings;
import dev.newsdesk.retrieve.EmbeddedBackend;
import dev.newsdesk.retrieve.Embeddings;
import dev.newsdesk.retrieve.LuceneIndex;
import dev.newsdesk.retrieve.SearchBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;

/**
 * The index a bench writes and searches, on either backend, so {@code bench ingest} and {@code bench search} print
 * the same figures for both: a Lucene directory, or an index on the configured cluster.
 */
interface BenchTarget {
    /** "embedded" or "elasticsearch", named in every figure line. */
    String backend();

    /** The index for the output: a path, or the cluster index and its hosts. */
    String describe();

    IngestSink.Opener opener();

    /** Whether the index exists with a completed ingest in it. */
    boolean exists() throws IOException;

    SearchBackend open(Embeddings queryEmbeddings) throws IOException;

    /** Bytes on disk (a cluster's primaries: one copy, comparable with the embedded index; replicas add as many again). */
    long bytes() throws IOException;

    /** A throwaway index beside this one (warm-up and earlier timed runs), deleted by {@link #delete}. */
    BenchTarget scratch(String name) throws IOException;

    void delete() throws IOException;

    record Local(Path dir) implements BenchTarget {
        @Override
        public String backend() {
            return "embedded";
        }

        @Override
        public String describe() {
            return dir.toString();
        }

        @Override
        public IngestSink.Opener opener() {
            return new dev.newsdesk.index.LocalIndexTarget(dir).opener();
        }

        @Override
        public boolean exists() {
            return App.indexExists(dir);
        }

        @Override
        public SearchBackend open(Embeddings queryEmbeddings) {
            return new EmbeddedBackend(LuceneIndex.open(dir), queryEmbeddings);
        }

        @Override
        public long bytes() throws IOException {
            try (var s = Files.walk(dir)) {
                return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            }
        }

        @Override
        public BenchTarget scratch(String name) throws IOException {
            return new Local(Files.createTempDirectory("newsdesk-bench-" + name));
        }

        @Override
        public void delete() throws IOException {
            if (!Files.exists(dir)) return;
            try (var s = Files.walk(dir)) {
                for (Path p : s.sorted(Collections.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    /** An index on the configured cluster ({@code elasticsearch.hosts}); each call opens its own client. */
    record Cluster(ElasticSettings settings) implements BenchTarget {
        @Override
        public String backend() {
            return "elasticsearch";
        }

        @Override
        public String describe() {
            return "Elasticsearch index '" + settings.index() + "' at " + settings.hosts();
        }

        @Override
        public IngestSink.Opener opener() {
            return model -> dev.newsdesk.index.elastic.ElasticIngestSink.open(new ElasticClient(settings), model);
        }

        @Override
        public boolean exists() throws IOException {
            try (ElasticClient c = new ElasticClient(settings)) {
                var r = c.callOrNull("GET", "/" + settings.index() + "/_count", null);
                return r != null && r.path("count").asLong() > 0;
            }
        }

        @Override
        public SearchBackend open(Embeddings queryEmbeddings) {
            return new ElasticBackend(new ElasticClient(settings), queryEmbeddings);
        }

        @Override
        public long bytes() throws IOException {
            try (ElasticClient c = new ElasticClient(settings)) {
                c.call("POST", "/" + settings.index() + "/_flush", null);
                // total over all copies divided by the copies: the primaries' own figure read near zero right
                // after a bulk ingest on the local cluster (its primaries had just been moved)
                long total = c.call("GET", "/" + settings.index() + "/_stats/store", null).path("_all").path("total")
                        .path("store").path("size_in_bytes").asLong();
                int replicas = c.call("GET", "/" + settings.index() + "/_settings", null).elements().next().path("settings")
                        .path("index").path("number_of_replicas").asInt(0);
                return total / (replicas + 1);
            }
        }

        @Override
        public BenchTarget scratch(String name) {
            return new Cluster(new ElasticSettings(settings.hosts(), settings.index() + "-bench-" + name, settings.ca(),
                    settings.apiKey(), settings.user(), settings.password()));
        }

        @Override
        public void delete() throws IOException {
            try (ElasticClient c = new ElasticClient(settings)) {
                c.callOrNull("DELETE", "/" + settings.index(), null);
            }
        }
    }
}
