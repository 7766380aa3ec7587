package dev.newsdesk.index.elastic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsdesk.index.IndexTarget;
import dev.newsdesk.index.IngestSink;
import dev.newsdesk.index.PassageEmbedder;
import dev.newsdesk.retrieve.Embeddings;
import java.io.IOException;
import java.util.Optional;

/**
 * {@link IndexTarget} for an Elasticsearch index: no lock to take or hold, since bulk writes with idempotent ids let
 * several writers (pollers on several machines, an ingest) share one index; each batch opens its own
 * {@link ElasticIngestSink} (and client) and closes it when done.
 */
public record ElasticIndexTarget(ElasticSettings settings) implements IndexTarget {
    @Override
    public String describe() {
        return "Elasticsearch index '" + settings.index() + "' at " + settings.hosts();
    }

    @Override
    public IngestSink.Opener opener() {
        return model -> ElasticIngestSink.open(new ElasticClient(settings), model);
    }

    @Override
    public void requireWritable() {
        // nothing to check: the cluster serialises writes per document
    }

    @Override
    public Optional<String> embeddingModel() throws IOException {
        try (ElasticClient client = new ElasticClient(settings)) {
            JsonNode mapping = client.callOrNull("GET", "/" + settings.index() + "/_mapping", null);
            if (mapping == null || !mapping.elements().hasNext()) return Optional.empty();
            return Optional.of(mapping.elements().next().path("mappings").path("_meta")
                    .path(ElasticIngestSink.META_EMBEDDING).asText(Embeddings.NONE));
        }
    }

    @Override
    public Held hold(PassageEmbedder embedder) {
        IngestSink.Opener opener = opener();
        return new Held() {
            @Override
            public IngestSink.Opener opener() {
                return opener;
            }

            @Override
            public void close() {
                // each batch closed its own sink
            }
        };
    }
}
