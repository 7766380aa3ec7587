package dev.newsdesk.retrieve;

import dev.newsdesk.index.ArticleFields;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * BM25 over passage text plus headline, with filters as FILTER clauses inside the query (never a post-filter, so a
 * filter never empties a top-k that had matches further down). Each question term is one SHOULD clause on the text
 * and a lighter one on the title: a headline names the story, but the passage must carry the evidence. Each pair
 * of adjacent question terms adds a sloppy phrase clause (the "ordered window" part of Metzler and Croft's
 * sequential dependence model): a passage where "interest rate" or "Bankman-Fried ... fraud" occur close together
 * is about what the question asks, not merely one that uses the same words far apart.
 */
public final class Bm25Retriever implements Retriever {
    /**
     * @param k1 term-frequency saturation
     * @param b length normalisation
     * @param titleBoost weight of headline matches relative to passage matches
     * @param proximityWeight weight of each adjacent-pair phrase clause; 0 turns term proximity off
     * @param proximitySlop how far apart (in positions, either order) an adjacent pair may still count as near
     */
    public record Settings(float k1, float b, float titleBoost, float proximityWeight, int proximitySlop) {
        /**
         * Measured on MultiHop-RAG dev (docs/benchmarks.md): proximity 0.5 lifted MRR@10 by ~3 points over none;
         * 0.3-1.0 and slop 2-20 are within a point of each other, so the exact values matter little.
         */
        public static final Settings DEFAULTS = new Settings(0.9f, 0.4f, 0.3f, 0.5f, 8);

        public Settings {
            if (proximityWeight < 0 || proximitySlop < 0) {
                throw new IllegalArgumentException("proximity weight " + proximityWeight + " and slop " + proximitySlop
                        + " must not be negative; use weight 0 to turn proximity off");
            }
        }
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
        return new BooleanQuery.Builder()
                .add(scoring(text, ArticleFields.TEXT, ArticleFields.TITLE), BooleanClause.Occur.MUST)
                .add(LuceneQueries.passageFilter(filters), BooleanClause.Occur.FILTER)
                .build();
    }

    /**
     * The scoring clauses alone: a term clause per question term on {@code textField} (plus a lighter one on
     * {@code titleField} unless it is null) and a proximity clause per adjacent pair on {@code textField}.
     */
    Query scoring(String text, String textField, String titleField) {
        return scoring(index.analyzer(), settings, text, textField, titleField);
    }

    /** {@link #scoring(String, String, String)} for any analyzer: snippets mark a cluster's hits with the same query. */
    static Query scoring(org.apache.lucene.analysis.Analyzer analyzer, Settings settings, String text, String textField, String titleField) {
        Set<String> terms = LuceneQueries.distinctTerms(analyzer, text);
        BooleanQuery.Builder scoring = new BooleanQuery.Builder();
        for (String t : terms) {
            scoring.add(new TermQuery(new Term(textField, t)), BooleanClause.Occur.SHOULD);
            if (titleField != null) {
                scoring.add(new BoostQuery(new TermQuery(new Term(titleField, t)), settings.titleBoost()), BooleanClause.Occur.SHOULD);
            }
        }
        if (settings.proximityWeight() > 0) {
            // Pairs follow the question's word order (framing words dropped, as for the term clauses); a repeated
            // pair adds nothing new, and the cap bounds the cost of a pasted essay as MAX_QUERY_TERMS does.
            Set<List<String>> pairs = new LinkedHashSet<>();
            List<String> seq = LuceneQueries.contentSequence(analyzer, text);
            for (int i = 0; i + 1 < seq.size() && pairs.size() < LuceneQueries.MAX_QUERY_TERMS; i++) {
                if (!seq.get(i).equals(seq.get(i + 1))) pairs.add(List.of(seq.get(i), seq.get(i + 1)));
            }
            for (List<String> pair : pairs) {
                Query near = new PhraseQuery(settings.proximitySlop(), textField, pair.get(0), pair.get(1));
                scoring.add(new BoostQuery(near, settings.proximityWeight()), BooleanClause.Occur.SHOULD);
            }
        }
        return scoring.build();
    }

    /** A searcher of our own over the shared reader: cheap, and the similarity is ours alone. */
    org.apache.lucene.search.IndexSearcher searcher(org.apache.lucene.search.IndexSearcher shared) {
        var searcher = new org.apache.lucene.search.IndexSearcher(shared.getIndexReader());
        searcher.setSimilarity(similarity);
        return searcher;
    }

    @Override
    public List<Hit> search(SearchRequest request) {
        Query q = query(request.query(), request.filters());
        return index.withSearcher(shared -> {
            var searcher = searcher(shared);
            TopDocs top = searcher.search(q, request.limit());
            String[] marked = snippets(searcher, q, top);
            StoredFields stored = searcher.storedFields();
            List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
            for (int i = 0; i < top.scoreDocs.length; i++) {
                ScoreDoc sd = top.scoreDocs[i];
                hits.add(LuceneQueries.toHit(stored, sd.doc, sd.score, marked == null ? null : marked[i]));
            }
            return hits;
        });
    }

    /**
     * Passage text with {@code q}'s matches marked **bold**, one per hit of {@code top}; null when snippets are off.
     * Marked by {@link Snippets} from the stored text, the code that marks a cluster's hits too.
     */
    String[] snippets(org.apache.lucene.search.IndexSearcher searcher, Query q, TopDocs top) throws java.io.IOException {
        if (!snippets || top.scoreDocs.length == 0) return null;
        StoredFields stored = searcher.storedFields();
        String[] out = new String[top.scoreDocs.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Snippets.mark(index.analyzer(), q, stored.document(top.scoreDocs[i].doc, java.util.Set.of(ArticleFields.TEXT)).get(ArticleFields.TEXT));
        }
        return out;
    }
}
