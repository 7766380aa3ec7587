package dev.newsdesk.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;

/** The analyzer and similarity the writer and the searcher must agree on. */
public final class Analyzers {
    private Analyzers() {}

    /** English: stop words, possessives, Porter stemming. */
    public static Analyzer english() {
        return new EnglishAnalyzer();
    }

    /**
     * BM25 with k1=0.9, b=0.4 (Anserini's defaults for news): short passages saturate term frequency early and
     * should not be over-rewarded for being short. Measured on MultiHop-RAG in docs/benchmarks.md.
     */
    public static Similarity similarity() {
        return new BM25Similarity(0.9f, 0.4f);
    }

    /** The terms {@code analyzer} makes of {@code text} for {@code field}, in order (what both backends index). */
    public static List<String> terms(Analyzer analyzer, String field, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(term.toString());
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an in-memory string: cannot happen short of a broken analyzer
        }
        return out;
    }
}
