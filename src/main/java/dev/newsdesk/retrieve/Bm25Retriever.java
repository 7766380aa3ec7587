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
    /** Weight of headline matches relative to passage matches; tuned on MultiHop-RAG dev (docs/benchmarks.md). */
    static final float TITLE_BOOST = 0.3f;

    private final LuceneIndex index;
    private final boolean snippets;

    /** @param snippets whether to compute highlighted snippets (costs time; the CLI wants them, evaluation not) */
    public Bm25Retriever(LuceneIndex index, boolean snippets) {
        this.index = index;
        this.snippets = snippets;
    }

    public Query query(String text, Filters filters) {
        Set<String> terms = LuceneQueries.distinctTerms(index.analyzer(), text);
        BooleanQuery.Builder scoring = new BooleanQuery.Builder();
        for (String t : terms) {
            scoring.add(new TermQuery(new Term(ArticleFields.TEXT, t)), BooleanClause.Occur.SHOULD);
            scoring.add(new BoostQuery(new TermQuery(new Term(ArticleFields.TITLE, t)), TITLE_BOOST), BooleanClause.Occur.SHOULD);
        }
        return new BooleanQuery.Builder()
                .add(scoring.build(), BooleanClause.Occur.MUST)
                .add(LuceneQueries.passageFilter(filters), BooleanClause.Occur.FILTER)
                .build();
    }

    @Override
    public List<Hit> search(SearchRequest request) {
        Query q = query(request.query(), request.filters());
        return index.withSearcher(searcher -> {
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
