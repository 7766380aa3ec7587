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

/** newsdesk's own analysis (stemming, stop words) of a text, as the terms the cluster indexes space-joined. */
final class Terms {
    private Terms() {}

    static List<String> of(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(ArticleFields.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(term.toString());
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * Stands for a removed stop word; the index's {@code newsdesk_terms} analyzer drops it and keeps the gap
     * (index.json). Its tokenizer is the standard one, since a cluster without the analysis-common module (the
     * test framework's) has no whitespace tokenizer for custom analyzers; newsdesk's terms are that tokenizer's
     * output already, so it leaves them as they are.
     */
    static final String GAP = "__gap__";

    /**
     * Space-joined for the cluster's {@code newsdesk_terms} analyzer ({@value #GAP} dropped): each
     * position a stop word left empty is kept as a {@value #GAP}, so sloppy phrases see the same distances and the
     * field the same length (a dropped token is not counted) as in the embedded index, and BM25 scores match.
     */
    static String joined(Analyzer analyzer, String text) {
        StringBuilder out = new StringBuilder();
        try (TokenStream ts = analyzer.tokenStream(ArticleFields.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            boolean first = true;
            while (ts.incrementToken()) {
                for (int gap = inc.getPositionIncrement() - 1; gap > 0 && !first; gap--) out.append(GAP).append(' ');
                out.append(term).append(' ');
                first = false;
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().stripTrailing();
    }
}
