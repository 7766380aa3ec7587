package dev.newsdesk.retrieve;

import dev.newsdesk.index.ArticleFields;
import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/** Query building and hit decoding shared by every Lucene-backed retriever (BM25 and kNN). */
final class LuceneQueries {
    /** More distinct terms than any real question has; bounds the cost of a 10,000-character paste. */
    static final int MAX_QUERY_TERMS = 64;

    private LuceneQueries() {}

    static List<String> analyze(Analyzer analyzer, String field, String text) {
        return dev.newsdesk.index.Analyzers.terms(analyzer, field, text);
    }

    /** The question's analyzed terms in order, framing words dropped unless nothing else is left. */
    static List<String> contentSequence(Analyzer analyzer, String text) {
        return QuestionFraming.content(analyze(analyzer, ArticleFields.TEXT, text));
    }

    static Set<String> distinctTerms(Analyzer analyzer, String text) {
        Set<String> terms = new LinkedHashSet<>(contentSequence(analyzer, text));
        if (terms.size() <= MAX_QUERY_TERMS) return terms;
        Set<String> capped = new LinkedHashSet<>();
        for (String t : terms) {
            if (capped.size() == MAX_QUERY_TERMS) break;
            capped.add(t);
        }
        return capped;
    }

    /** The filter every passage query carries: passages only, plus outlet and date restrictions. */
    static Query passageFilter(Filters filters) {
        return filter(ArticleFields.KIND_PASSAGE, filters);
    }

    /** Documents of one kind (passage or sentence), plus outlet and date restrictions. */
    static Query filter(String kind, Filters filters) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(new TermQuery(new Term(ArticleFields.KIND, kind)), BooleanClause.Occur.FILTER);
        if (!filters.outlets().isEmpty()) {
            List<BytesRef> keys = filters.outlets().stream().map(o -> new BytesRef(o.toLowerCase(Locale.ROOT))).toList();
            b.add(KeywordField.newSetQuery(ArticleFields.OUTLET_KEY, keys), BooleanClause.Occur.FILTER);
        }
        if (filters.since() != null || filters.until() != null) {
            long lo = filters.since() == null ? Long.MIN_VALUE : filters.since().toEpochDay();
            long hi = filters.until() == null ? Long.MAX_VALUE : filters.until().toEpochDay();
            b.add(LongField.newRangeQuery(ArticleFields.PUBLISHED, lo, hi), BooleanClause.Occur.FILTER);
        }
        return b.build();
    }

    static final Set<String> PASSAGE_FIELDS = Set.of(ArticleFields.PASSAGE_ID, ArticleFields.ARTICLE_ID,
            ArticleFields.ORDINAL, ArticleFields.START, ArticleFields.END, ArticleFields.TEXT, ArticleFields.TITLE,
            ArticleFields.OUTLET, ArticleFields.PUBLISHED, ArticleFields.URL);

    static Hit toHit(StoredFields stored, int doc, double score, String snippet) throws IOException {
        Document d = stored.document(doc, PASSAGE_FIELDS);
        String text = d.get(ArticleFields.TEXT);
        return new Hit(d.get(ArticleFields.PASSAGE_ID), d.get(ArticleFields.ARTICLE_ID),
                d.getField(ArticleFields.ORDINAL).numericValue().intValue(),
                d.getField(ArticleFields.START).numericValue().intValue(),
                d.getField(ArticleFields.END).numericValue().intValue(),
                text, d.get(ArticleFields.TITLE), d.get(ArticleFields.OUTLET), date(d), d.get(ArticleFields.URL), score,
                snippet == null ? text : snippet);
    }

    static LocalDate date(Document d) {
        var f = d.getField(ArticleFields.PUBLISHED);
        return f == null ? null : LocalDate.ofEpochDay(f.numericValue().longValue());
    }
}
