package dev.newsdesk.ingest;

/**
 * Size limits that keep one bad file from exhausting memory or flooding the index.
 *
 * @param maxFileBytes largest file (after decompression) that is read as one document ({@code .md}, {@code .txt},
 *                     {@code .html}). JSON and JSONL files are streamed record by record, so their size is not
 *                     limited by this value; each of their records is limited by {@code maxArticleChars} instead.
 * @param maxArticleChars largest article body, in chars, before cleaning
 */
public record IngestLimits(long maxFileBytes, long maxArticleChars) {
    /** 50 MB per document file, 2 million chars per article (a long feature is ~100k chars). */
    public static final IngestLimits DEFAULTS = new IngestLimits(50L * 1024 * 1024, 2_000_000L);

    public IngestLimits {
        if (maxFileBytes <= 0) throw new IllegalArgumentException("maxFileBytes must be > 0, was " + maxFileBytes);
        if (maxArticleChars <= 0) {
            throw new IllegalArgumentException("maxArticleChars must be > 0, was " + maxArticleChars);
        }
    }
}
