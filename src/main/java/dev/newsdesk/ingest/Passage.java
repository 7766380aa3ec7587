package dev.newsdesk.ingest;

import java.util.List;
import java.util.Objects;

/**
 * A contiguous span of an article's cleaned body: the unit that is indexed, retrieved and cited.
 * Invariant: {@code text.equals(article.body().substring(start, end))}.
 *
 * @param id "{articleId}:{ordinal}"
 * @param ordinal 0-based position within the article
 * @param start inclusive char offset into the cleaned body
 * @param end exclusive char offset into the cleaned body
 * @param sentences the sentences the chunker packed into this passage, as offsets into {@code text}, in order (an
 *                  over-long sentence cut to fit counts as its pieces); indexed one by one for sentence retrieval
 */
public record Passage(String id, String articleId, int ordinal, int start, int end, String text, List<Span> sentences) {
    public Passage {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(text, "text");
        if (ordinal < 0 || start < 0 || end < start || end - start != text.length()) {
            throw new IllegalArgumentException("bad passage span " + articleId + ":" + ordinal + " [" + start + "," + end
                    + ") for text of length " + text.length());
        }
        if (id == null) id = idOf(articleId, ordinal);
        sentences = List.copyOf(sentences);
        for (Span sp : sentences) {
            if (sp.end() > text.length()) {
                throw new IllegalArgumentException("sentence " + sp + " of passage " + id + " ends past its text (length " + text.length() + ")");
            }
        }
    }

    public static String idOf(String articleId, int ordinal) {
        return articleId + ":" + ordinal;
    }
}
