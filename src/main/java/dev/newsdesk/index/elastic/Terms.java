package dev.newsdesk.index.elastic;

import dev.newsdesk.index.ArticleFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

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

    /** Space-joined for a whitespace-analysed field; positions match because the analyzer's gaps are closed. */
    static String joined(Analyzer analyzer, String text) {
        return String.join(" ", of(analyzer, text));
    }
}
