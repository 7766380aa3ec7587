package dev.newsdesk.ingest;

import java.util.Objects;

/**
 * A contiguous span of an article's cleaned body: the unit that is indexed, retrieved and cited.
 * Invariant: {@code text.equals(article.body().substring(start, end))}.
 *
 * @param id "{articleId}:{ordinal}"
 * @param ordinal 0-based position within the article
 * @param start inclusive char offset into the cleaned body
 * @param end exclusive char offset into the cleaned body
 */
public record Passage(String id, String articleId, int ordinal, int start, int end, String text) {
    public Passage {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(text, "text");
        if (ordinal < 0 || start < 0 || end < start || end - start != text.length()) {
            throw new IllegalArgumentException("bad passage span " + articleId + ":" + ordinal + " [" + start + "," + end
                    + ") for text of length " + text.length());
        }
        if (id == null) id = idOf(articleId, ordinal);
    }

    public static String idOf(String articleId, int ordinal) {
        return articleId + ":" + ordinal;
    }
}
