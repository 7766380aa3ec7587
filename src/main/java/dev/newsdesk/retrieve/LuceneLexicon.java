package dev.newsdesk.retrieve;

import dev.newsdesk.index.ArticleFields;
import java.util.List;
import org.apache.lucene.index.Term;

/** {@link Lexicon} backed by the index's analyzer and passage document frequencies (BM25's idf formula). */
public final class LuceneLexicon implements Lexicon {
    private final LuceneIndex index;

    public LuceneLexicon(LuceneIndex index) {
        this.index = index;
    }

    @Override
    public List<String> terms(String text) {
        return LuceneQueries.analyze(index.analyzer(), ArticleFields.TEXT, text);
    }

    @Override
    public long docFreq(String term) {
        return index.withSearcher(s -> (long) s.getIndexReader().docFreq(new Term(ArticleFields.TEXT, term)));
    }

    @Override
    public double idf(String term) {
        return index.withSearcher(s -> {
            var reader = s.getIndexReader();
            long n = Math.max(1, reader.getDocCount(ArticleFields.TEXT));
            long df = reader.docFreq(new Term(ArticleFields.TEXT, term));
            return Math.log(1 + (n - df + 0.5) / (df + 0.5));
        });
    }
}
