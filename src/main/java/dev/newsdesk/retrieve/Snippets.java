package dev.newsdesk.retrieve;

import dev.newsdesk.index.ArticleFields;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * A hit's snippet: its passage text with the question's matches marked **bold**, at most two best sentences joined
 * by " … ". Computed from the text alone (re-analysed, no index statistics: the highlighter's passage scoring
 * depends on the text only), so the embedded index and a search cluster, which returns passages unmarked, show the
 * same snippets from this same code. Stateless; thread-safe.
 */
public final class Snippets {
    private Snippets() {}

    /** {@code text} with the matches of {@code q} on the passage text field marked; the text itself when none. */
    static String mark(Analyzer analyzer, Query q, String text) {
        q = scoringPart(q);
        UnifiedHighlighter hl = UnifiedHighlighter.builderWithoutSearcher(analyzer)
                .withFormatter(new DefaultPassageFormatter("**", "**", " … ", false))
                .withMaxLength(20_000)
                .build();
        try {
            Object marked = hl.highlightWithoutSearcher(ArticleFields.TEXT, q, text, 2);
            return marked == null ? text : marked.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // in-memory analysis of a string: cannot happen
        }
    }

    /**
     * The query without its filter clauses: the text alone is highlighted (in a one-field in-memory index), where
     * an outlet or kind filter can never match and would make the whole query match nothing.
     */
    private static Query scoringPart(Query q) {
        if (!(q instanceof org.apache.lucene.search.BooleanQuery b)) return q;
        var kept = new org.apache.lucene.search.BooleanQuery.Builder();
        int n = 0;
        Query only = null;
        for (var c : b.clauses()) {
            if (c.occur() == org.apache.lucene.search.BooleanClause.Occur.FILTER) continue;
            kept.add(c);
            only = c.query();
            n++;
        }
        return n == 1 ? only : kept.build();
    }

    /** Each hit with the question's words marked as a passage BM25 search marks them (its term and pair clauses). */
    public static List<Hit> marked(Analyzer analyzer, String question, List<Hit> hits) {
        Query q = Bm25Retriever.scoring(analyzer, Bm25Retriever.Settings.DEFAULTS, question, ArticleFields.TEXT, null);
        List<Hit> out = new ArrayList<>(hits.size());
        for (Hit h : hits) {
            out.add(new Hit(h.passageId(), h.articleId(), h.ordinal(), h.start(), h.end(), h.text(), h.title(), h.outlet(),
                    h.published(), h.url(), h.score(), mark(analyzer, q, h.text())));
        }
        return out;
    }
}
