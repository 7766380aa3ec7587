package dev.newsdesk.index;

/**
 * Every Lucene field name newsdesk uses, in one place (as Anserini's {@code IndexArgs}/Lucene demo do), so the
 * writer and the searcher cannot drift apart. Three kinds of documents share the index: one "article" document per
 * article (metadata, cleaned body, content hash), one "passage" document per passage (the retrieval unit, with
 * the article metadata copied onto it so filters run inside the query), and one "sentence" document per sentence
 * of a passage (searched to find the passage whose one sentence states what a question asks; never shown).
 */
public final class ArticleFields {
    private ArticleFields() {}

    /** "article", "passage" or "sentence". */
    public static final String KIND = "kind";
    public static final String KIND_ARTICLE = "article";
    public static final String KIND_PASSAGE = "passage";
    public static final String KIND_SENTENCE = "sentence";

    /** Article id, on every kind: deleting by this term removes an article, its passages and sentences atomically. */
    public static final String ARTICLE_ID = "article_id";
    /** Passage id "{articleId}:{ordinal}" (passage documents only). */
    public static final String PASSAGE_ID = "passage_id";
    public static final String ORDINAL = "ordinal";
    public static final String START = "start";
    public static final String END = "end";

    /** Passage text, analyzed with the English analyzer (BM25), stored for snippets and quotes. */
    public static final String TEXT = "text";
    /**
     * One sentence of a passage, analyzed like {@link #TEXT}, not stored (sentence documents only). A field of its
     * own so that its statistics (document count, average length) never mix with the passages' BM25 statistics.
     */
    public static final String SENTENCE = "sentence";
    /** Headline, analyzed and stored. */
    public static final String TITLE = "title";
    /** Outlet as written, stored for display. */
    public static final String OUTLET = "outlet";
    /** Outlet lower-cased, a keyword for filters and facets. */
    public static final String OUTLET_KEY = "outlet_key";
    /** Publication date as epoch day: points for range filters, doc values for sorting; stored. */
    public static final String PUBLISHED = "published";
    public static final String URL = "url";
    public static final String AUTHOR = "author";
    public static final String CATEGORY = "category";
    /** Cleaned article body (article documents only). */
    public static final String BODY = "body";
    /** Where the article came from (file path, "#n" for records). */
    public static final String SOURCE = "source";
    public static final String ALSO_PUBLISHED_BY = "also_published_by";
    /** SHA-256 over everything indexed for an article: unchanged hash = nothing to do. */
    public static final String CONTENT_HASH = "content_hash";
    public static final String PASSAGE_COUNT = "passage_count";
    /** Dense passage vector (when an embedding model is configured). */
    public static final String VECTOR = "vector";

    /** Commit user-data keys: what built this index, checked when it is opened. */
    public static final String META_SCHEMA = "newsdesk.schema";
    public static final String META_EMBEDDING = "newsdesk.embedding";
    /**
     * Bumped when what is indexed for an unchanged article changes, so old indexes are rebuilt rather than mixed:
     * 2 = passages packed across paragraph breaks (fewer, fuller passages; new passage ids and offsets);
     * 3 = a sentence document per sentence of each passage, in the block right before its passage.
     */
    public static final String SCHEMA_VERSION = "3";
}
