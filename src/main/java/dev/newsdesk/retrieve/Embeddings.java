package dev.newsdesk.retrieve;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.newsdesk.index.PassageEmbedder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An in-process LangChain4j embedding model with what using it right needs: its id (recorded in the index), the
 * prefix its queries take, and unit-length output (the index compares vectors by dot product). Thread-safe.
 */
public final class Embeddings implements PassageEmbedder {
    public static final String BGE_SMALL = "bge-small-en-v15-q";
    public static final String MINILM = "all-minilm-l6-v2-q";
    public static final String NONE = "none";

    private final String id;
    private final EmbeddingModel model;
    private final String queryPrefix;

    private Embeddings(String id, EmbeddingModel model, String queryPrefix) {
        this.id = id;
        this.model = model;
        this.queryPrefix = queryPrefix;
    }

    /**
     * @param name {@value #BGE_SMALL} or {@value #MINILM}
     * @return the model, or null for {@value #NONE} (BM25 only)
     */
    public static Embeddings load(String name) {
        String n = name == null ? NONE : name.strip().toLowerCase(Locale.ROOT);
        return switch (n) {
            case NONE, "", "off" -> null;
            // bge was trained with this instruction on the query side only (BAAI's model card).
            case BGE_SMALL -> new Embeddings(BGE_SMALL, new BgeSmallEnV15QuantizedEmbeddingModel(),
                    "Represent this sentence for searching relevant passages: ");
            case MINILM -> new Embeddings(MINILM, new AllMiniLmL6V2QuantizedEmbeddingModel(), "");
            default -> throw new IllegalArgumentException("embedding model '" + name + "' is unknown; choose "
                    + BGE_SMALL + ", " + MINILM + " or " + NONE);
        };
    }

    @Override
    public String modelId() {
        return id;
    }

    @Override
    public int dimensions() {
        return model.dimension();
    }

    public EmbeddingModel model() {
        return model;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) return List.of();
        var segments = texts.stream().map(TextSegment::from).toList();
        var out = new ArrayList<float[]>(texts.size());
        for (var e : model.embedAll(segments).content()) out.add(unit(e.vector()));
        return out;
    }

    public float[] embedQuery(String query) {
        return unit(model.embed(queryPrefix + query).content().vector());
    }

    static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) norm += x * x;
        norm = Math.sqrt(norm);
        if (norm == 0) return v;
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) out[i] = (float) (v[i] / norm);
        return out;
    }
}
