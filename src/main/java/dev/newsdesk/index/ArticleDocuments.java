package dev.newsdesk.index;

import dev.newsdesk.ingest.Article;
import dev.newsdesk.ingest.ContentHash;
import dev.newsdesk.ingest.Passage;
import dev.newsdesk.ingest.Span;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;

/**
 * The Lucene documents of one article, as one block that is added (or replaces the former block) atomically: the
 * article document, then each passage document preceded by the documents of its sentences. Field names are
 * {@link ArticleFields}'. Stateless.
 */
final class ArticleDocuments {
    private ArticleDocuments() {}

    /** @param vectors one per passage, in order, or null for a BM25-only index */
    static List<Document> block(Article a, List<Passage> passages, List<float[]> vectors) {
        List<Document> docs = new ArrayList<>(passages.size() + 1);
        docs.add(articleDoc(a, passages.size()));
        for (int i = 0; i < passages.size(); i++) {
            Passage p = passages.get(i);
            // A passage's sentences come right before it, in the same block: SentenceRetriever maps a sentence to
            // the next passage document, so this order is part of the schema.
            addSentenceDocs(a, p, docs);
            docs.add(passageDoc(a, p, vectors == null ? null : vectors.get(i)));
        }
        return docs;
    }

    private static Document articleDoc(Article a, int passageCount) {
        Document d = new Document();
        d.add(new StringField(ArticleFields.KIND, ArticleFields.KIND_ARTICLE, Field.Store.NO));
        // An empty passage-text field, so every document has a norm for TEXT. Without it the field's norms are
        // sparse (article documents lack it), and Lucene's postings writer looks up the norm of each posting with
        // a fresh sparse-norms iterator per term that scans its block linearly from the start: in a flushed
        // segment of < 4,096 passages that was about a third of ingest's CPU. An empty field adds no term, so the
        // field's doc count, its total term count and every BM25 score stay exactly as they were.
        d.add(new TextField(ArticleFields.TEXT, "", Field.Store.NO));
        d.add(new TextField(ArticleFields.SENTENCE, "", Field.Store.NO));
        d.add(new StringField(ArticleFields.ARTICLE_ID, a.id(), Field.Store.YES));
        d.add(new StoredField(ArticleFields.CONTENT_HASH, ContentHash.of(a)));
        addMetadata(d, a);
        d.add(new StoredField(ArticleFields.BODY, a.body()));
        d.add(new StoredField(ArticleFields.SOURCE, a.source() == null ? "" : a.source()));
        for (String other : a.alsoPublishedBy()) d.add(new StoredField(ArticleFields.ALSO_PUBLISHED_BY, other));
        d.add(new StoredField(ArticleFields.PASSAGE_COUNT, passageCount));
        return d;
    }

    private static Document passageDoc(Article a, Passage p, float[] vector) {
        Document d = new Document();
        d.add(new StringField(ArticleFields.KIND, ArticleFields.KIND_PASSAGE, Field.Store.NO));
        d.add(new StringField(ArticleFields.ARTICLE_ID, a.id(), Field.Store.YES));
        d.add(new StringField(ArticleFields.PASSAGE_ID, p.id(), Field.Store.YES));
        d.add(new IntField(ArticleFields.ORDINAL, p.ordinal(), Field.Store.YES));
        d.add(new StoredField(ArticleFields.START, p.start()));
        d.add(new StoredField(ArticleFields.END, p.end()));
        d.add(new TextField(ArticleFields.TEXT, p.text(), Field.Store.YES));
        d.add(new TextField(ArticleFields.SENTENCE, "", Field.Store.NO)); // dense norms, as in articleDoc
        addMetadata(d, a);
        if (vector != null) {
            d.add(new KnnFloatVectorField(ArticleFields.VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        }
        return d;
    }

    /**
     * One document per sentence of the passage, the sentences the chunker packed it from: the sentence text and
     * the article id (so replacing or removing the article takes its sentences along), nothing stored. Filters and
     * citations come from the passage document the sentence belongs to, which follows it in the block.
     */
    private static void addSentenceDocs(Article a, Passage p, List<Document> docs) {
        String outletKey = a.outlet().toLowerCase(java.util.Locale.ROOT);
        for (Span s : p.sentences()) {
            Document d = new Document();
            d.add(new StringField(ArticleFields.KIND, ArticleFields.KIND_SENTENCE, Field.Store.NO));
            d.add(new StringField(ArticleFields.ARTICLE_ID, a.id(), Field.Store.NO));
            d.add(new TextField(ArticleFields.SENTENCE, p.text().substring(s.start(), s.end()), Field.Store.NO));
            // Empty passage and headline fields keep those fields' norms dense (see articleDoc); they add no term.
            d.add(new TextField(ArticleFields.TEXT, "", Field.Store.NO));
            d.add(new TextField(ArticleFields.TITLE, "", Field.Store.NO));
            d.add(new KeywordField(ArticleFields.OUTLET_KEY, outletKey, Field.Store.NO));
            if (a.published() != null) d.add(new LongField(ArticleFields.PUBLISHED, a.published().toEpochDay(), Field.Store.NO));
            docs.add(d);
        }
    }

    private static void addMetadata(Document d, Article a) {
        d.add(new TextField(ArticleFields.TITLE, a.title(), Field.Store.YES));
        d.add(new StoredField(ArticleFields.OUTLET, a.outlet()));
        d.add(new KeywordField(ArticleFields.OUTLET_KEY, a.outlet().toLowerCase(java.util.Locale.ROOT), Field.Store.NO));
        if (a.published() != null) {
            d.add(new LongField(ArticleFields.PUBLISHED, a.published().toEpochDay(), Field.Store.YES));
        }
        if (a.url() != null) d.add(new StoredField(ArticleFields.URL, a.url()));
        if (a.author() != null) d.add(new StoredField(ArticleFields.AUTHOR, a.author()));
        if (a.category() != null) d.add(new StoredField(ArticleFields.CATEGORY, a.category()));
    }
}
