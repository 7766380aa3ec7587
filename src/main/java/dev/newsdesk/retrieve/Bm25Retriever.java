package dev.newsdesk.retrieve;

import dev.newsdesk.index.ArticleFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * BM25 over passage text plus headline, with filters as FILTER clauses inside the query (never a post-filter, so a
 * filter never empties a top-k that had matches further down). Each question term is one SHOULD clause on the text
 * and a lighter one on the title: a headline names the story, but the passage must carry the evidence.
 */
public final class Bm25Retriever implements Retriever {
    /**
     * @param k1 term-frequency saturation
     * @param b length normalisation
     * @param titleBoost weight of headline matches relative to passage matches
     */
    public record Settings(float k1, float b, float titleBoost) {
        /** Tuned on MultiHop-RAG dev (docs/benchmarks.md). */
        public static final Settings DEFAULTS = new Settings(0.9f, 0.4f, 0.3f);
    }

    private final LuceneIndex index;
    private final boolean snippets;
    private final Settings settings;
    private final org.apache.lucene.search.similarities.Similarity similarity;

    /** @param snippets whether to compute highlighted snippets (costs time; the CLI wants them, evaluation not) */
    public Bm25Retriever(LuceneIndex index, boolean snippets) {
        this(index, snippets, Settings.DEFAULTS);
    }

    public Bm25Retriever(LuceneIndex index, boolean snippets, Settings settings) {
        this.index = index;
        this.snippets = snippets;
        this.settings = settings;
        this.similarity = new org.apache.lucene.search.similarities.BM25Similarity(settings.k1(), settings.b());
    }

    public Query query(String text, Filters filters) {
        Set<String> terms = LuceneQueries.distinctTerms(index.analyzer(), text);
        BooleanQuery.Builder scoring = new BooleanQuery.Builder();
        for (String t : terms) {
            scoring.add(new TermQuery(new Term(ArticleFields.TEXT, t)), BooleanClause.Occur.SHOULD);
            scoring.add(new BoostQuery(new TermQuery(new Term(ArticleFields.TITLE, t)), settings.titleBoost()), BooleanClause.Occur.SHOULD);
        }
        return new BooleanQuery.Builder()
                .add(scoring.build(), BooleanClause.Occur.MUST)
                .add(LuceneQueries.passageFilter(filters), BooleanClause.Occur.FILTER)
                .build();
    }

    @Override
    public List<Hit> search(SearchRequest request) {
        Query q = query(request.query(), request.filters());
        return index.withSearcher(shared -> {
            // A searcher of our own over the shared reader: cheap, and the similarity is ours alone.
            var searcher = new org.apache.lucene.search.IndexSearcher(shared.getIndexReader());
            searcher.setSimilarity(similarity);
            TopDocs top = searcher.search(q, request.limit());
            String[] marked = null;
            if (snippets && top.scoreDocs.length > 0) {
                UnifiedHighlighter hl = UnifiedHighlighter.builder(searcher, index.analyzer())
                        .withFormatter(new DefaultPassageFormatter("**", "**", " … ", false))
                        .withMaxLength(20_000)
                        .build();
                marked = hl.highlight(ArticleFields.TEXT, q, top, 2);
            }
            StoredFields stored = searcher.storedFields();
            List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
            for (int i = 0; i < top.scoreDocs.length; i++) {
                ScoreDoc sd = top.scoreDocs[i];
                hits.add(LuceneQueries.toHit(stored, sd.doc, sd.score, marked == null ? null : marked[i]));
            }
            return hits;
        });
    }
}
