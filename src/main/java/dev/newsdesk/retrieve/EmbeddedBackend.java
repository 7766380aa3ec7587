package dev.newsdesk.retrieve;

import java.io.IOException;
import org.apache.lucene.index.DirectoryReader;

/** {@link SearchBackend} over the local Lucene index: the default, with nothing to set up. Owns the open index. */
public final class EmbeddedBackend implements SearchBackend {
    private final LuceneIndex index;
    private final Embeddings given;
    private Embeddings loaded;

    /** Query embeddings come from the model the index records, loaded on first dense search. */
    public EmbeddedBackend(LuceneIndex index) {
        this(index, null);
    }

    /**
     * @param queryEmbeddings the model to embed questions with (checked against the index's vectors), or null to load
     *                        the one the index records
     */
    public EmbeddedBackend(LuceneIndex index, Embeddings queryEmbeddings) {
        this.index = index;
        this.given = queryEmbeddings;
    }

    public LuceneIndex index() {
        return index;
    }

    @Override
    public String name() {
        return "embedded";
    }

    @Override
    public Retriever lexical(boolean snippets) {
        return new Bm25Retriever(index, snippets);
    }

    @Override
    public Retriever dense() {
        return new KnnRetriever(index, queryEmbeddings());
    }

    @Override
    public Retriever sentences(boolean snippets) {
        return new SentenceRetriever(index, snippets);
    }

    @Override
    public Catalog catalog() {
        return new LuceneCatalog(index);
    }

    @Override
    public Lexicon lexicon() {
        return new LuceneLexicon(index);
    }

    @Override
    public String embeddingModel() {
        return index.embeddingModel();
    }

    @Override
    public long generation() {
        return index.withSearcher(s -> ((DirectoryReader) s.getIndexReader()).getVersion());
    }

    @Override
    public void refresh() throws IOException {
        index.refresh();
    }

    /** The model the index's vectors came from, loaded once (~0.5 s) for query embedding. */
    private synchronized Embeddings queryEmbeddings() {
        if (given != null) return given;
        String built = index.embeddingModel();
        if (built.equals(Embeddings.NONE)) {
            throw new IllegalArgumentException("index '" + index.path() + "' has no passage vectors; set embedding.model in "
                    + "config/newsdesk.properties and re-run ingest, or use --mode bm25");
        }
        if (loaded == null) loaded = Embeddings.load(built.substring(0, built.indexOf('/')));
        return loaded;
    }

    @Override
    public void close() throws IOException {
        index.close();
    }
}
