package dev.newsdesk.retrieve;

import dev.newsdesk.index.ArticleFields;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/** {@link Catalog} over the Lucene index: id look-ups by term query, statistics by a pass over article documents. */
public final class LuceneCatalog implements Catalog {
    private final LuceneIndex index;

    public LuceneCatalog(LuceneIndex index) {
        this.index = index;
    }

    @Override
    public Optional<ArticleView> article(String articleId) {
        return index.withSearcher(s -> {
            TopDocs top = s.search(articleQuery(articleId), 1);
            if (top.scoreDocs.length == 0) return Optional.empty();
            return Optional.of(toView(s.storedFields().document(top.scoreDocs[0].doc)));
        });
    }

    private static BooleanQuery articleQuery(String articleId) {
        return new BooleanQuery.Builder()
                .add(new TermQuery(new Term(ArticleFields.KIND, ArticleFields.KIND_ARTICLE)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(ArticleFields.ARTICLE_ID, articleId)), BooleanClause.Occur.FILTER)
                .build();
    }

    private static ArticleView toView(Document d) {
        IndexableField count = d.getField(ArticleFields.PASSAGE_COUNT);
        return new ArticleView(d.get(ArticleFields.ARTICLE_ID), d.get(ArticleFields.TITLE), d.get(ArticleFields.OUTLET),
                LuceneQueries.date(d), d.get(ArticleFields.URL), d.get(ArticleFields.AUTHOR), d.get(ArticleFields.CATEGORY),
                d.get(ArticleFields.BODY), d.get(ArticleFields.SOURCE), Arrays.asList(d.getValues(ArticleFields.ALSO_PUBLISHED_BY)),
                count == null ? 0 : count.numericValue().intValue());
    }

    @Override
    public Optional<Hit> passage(String passageId) {
        return index.withSearcher(s -> {
            TopDocs top = s.search(new TermQuery(new Term(ArticleFields.PASSAGE_ID, passageId)), 1);
            if (top.scoreDocs.length == 0) return Optional.empty();
            return Optional.of(LuceneQueries.toHit(s.storedFields(), top.scoreDocs[0].doc, 0, null));
        });
    }

    @Override
    public List<Hit> passagesOf(String articleId) {
        return index.withSearcher(s -> {
            var q = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(ArticleFields.KIND, ArticleFields.KIND_PASSAGE)), BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(ArticleFields.ARTICLE_ID, articleId)), BooleanClause.Occur.FILTER)
                    .build();
            TopDocs top = s.search(q, 10_000, new Sort(new SortedNumericSortField(ArticleFields.ORDINAL, SortField.Type.INT)));
            List<Hit> out = new ArrayList<>();
            StoredFields stored = s.storedFields();
            for (ScoreDoc sd : top.scoreDocs) out.add(LuceneQueries.toHit(stored, sd.doc, 0, null));
            return out;
        });
    }

    @Override
    public List<String> articleIds() {
        return index.withSearcher(s -> {
            TermQuery articles = new TermQuery(new Term(ArticleFields.KIND, ArticleFields.KIND_ARTICLE));
            StoredFields stored = s.storedFields();
            var fields = java.util.Set.of(ArticleFields.ARTICLE_ID);
            List<String> ids = new ArrayList<>();
            for (ScoreDoc sd : s.search(articles, Math.max(1, s.getIndexReader().maxDoc())).scoreDocs) {
                ids.add(stored.document(sd.doc, fields).get(ArticleFields.ARTICLE_ID));
            }
            return ids;
        });
    }

    @Override
    public Stats stats() {
        return index.withSearcher(this::computeStats);
    }

    private Stats computeStats(IndexSearcher s) throws IOException {
        TermQuery articles = new TermQuery(new Term(ArticleFields.KIND, ArticleFields.KIND_ARTICLE));
        int passages = s.count(new TermQuery(new Term(ArticleFields.KIND, ArticleFields.KIND_PASSAGE)));
        Map<String, Integer> byOutlet = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        LocalDate earliest = null, latest = null;
        int n = 0;
        StoredFields stored = s.storedFields();
        var fields = java.util.Set.of(ArticleFields.OUTLET, ArticleFields.PUBLISHED);
        for (ScoreDoc sd : s.search(articles, Math.max(1, s.getIndexReader().maxDoc())).scoreDocs) {
            Document d = stored.document(sd.doc, fields);
            n++;
            byOutlet.merge(d.get(ArticleFields.OUTLET), 1, Integer::sum);
            LocalDate p = LuceneQueries.date(d);
            if (p != null) {
                if (earliest == null || p.isBefore(earliest)) earliest = p;
                if (latest == null || p.isAfter(latest)) latest = p;
            }
        }
        List<OutletCount> outlets = byOutlet.entrySet().stream().map(e -> new OutletCount(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt(OutletCount::articles).reversed().thenComparing(OutletCount::outlet))
                .toList();
        return new Stats(n, passages, outlets, earliest, latest, sizeOf(index.path()));
    }

    private static long sizeOf(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            return 0;
        }
    }
}
