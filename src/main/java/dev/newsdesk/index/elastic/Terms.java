package dev.newsdesk.index.elastic;

import dev.newsdesk.index.ArticleFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/** newsdesk's own analysis (stemming, stop words) of a text, as the terms the cluster indexes. */
final class Terms {
    private Terms() {}

    static List<String> of(Analyzer analyzer, String text) {
        return dev.newsdesk.index.Analyzers.terms(analyzer, ArticleFields.TEXT, text);
    }

    /**
     * The terms as values of a whitespace-analyzed field with {@code position_increment_gap: 1}: space-joined, split
     * into a new value where the analyzer removed a stop word, with one empty value more per further stop word. Each
     * value boundary then skips one position, so the cluster sees the embedded index's positions (which the sloppy
     * pair clauses score by) and its field lengths (empty values add no term), and BM25 scores come out equal.
     * (A custom analyzer with a stop filter would say it more directly, but needs the analysis-common module, which
     * the engine's test framework cluster does not have.)
     */
    static List<String> values(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        try (TokenStream ts = analyzer.tokenStream(ArticleFields.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            boolean first = true;
            while (ts.incrementToken()) {
                // a gap before the first term moves every position alike: phrase distances do not change
                if (!first && inc.getPositionIncrement() > 1) {
                    out.add(sb.toString());
                    sb.setLength(0);
                    for (int i = 2; i < inc.getPositionIncrement(); i++) out.add("");
                }
                if (!sb.isEmpty()) sb.append(' ');
                sb.append(term);
                first = false;
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!sb.isEmpty()) out.add(sb.toString());
        return out;
    }
}
