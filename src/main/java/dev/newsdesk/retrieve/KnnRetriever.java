package dev.newsdesk.retrieve;

import dev.newsdesk.index.ArticleFields;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/**
 * Dense retrieval: the question's embedding against passage vectors in Lucene's HNSW graph, with the same filters
 * as BM25 applied inside the graph search (Lucene pre-filters, so a narrow filter still yields k hits).
 */
public final class KnnRetriever implements Retriever {
    private final LuceneIndex index;
    private final Embeddings embeddings;

    public KnnRetriever(LuceneIndex index, Embeddings embeddings) {
        String built = index.embeddingModel();
        if (!built.startsWith(embeddings.modelId() + "/")) {
            throw new IndexUnavailableException("index '" + index.path() + "' has vectors from '" + built
                    + "', not " + embeddings.modelId() + "; re-run ingest with embedding.model=" + embeddings.modelId()
                    + " or search with --mode bm25");
        }
        this.index = index;
        this.embeddings = embeddings;
    }

    @Override
    public List<Hit> search(SearchRequest request) {
        float[] q = embeddings.embedQuery(request.query());
        var query = new KnnFloatVectorQuery(ArticleFields.VECTOR, q, request.limit(), LuceneQueries.passageFilter(request.filters()));
        return index.withSearcher(s -> {
            TopDocs top = s.search(query, request.limit());
            StoredFields stored = s.storedFields();
            List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc sd : top.scoreDocs) hits.add(LuceneQueries.toHit(stored, sd.doc, sd.score, null));
            return hits;
        });
    }
}
