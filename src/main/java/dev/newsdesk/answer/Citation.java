package dev.newsdesk.answer;

import java.time.LocalDate;

/**
 * A numbered source of an answer. {@code quote} is exactly the cleaned article text between
 * {@code start} and {@code end}, so a reader (or a test) can check it against the article.
 */
public record Citation(int n, String articleId, String passageId, String outlet, String title, LocalDate published,
                       String url, String quote, int start, int end) {
    public Citation {
        if (n < 1) throw new IllegalArgumentException("citation number " + n + " must be >= 1");
        if (end - start != quote.length()) {
            throw new IllegalArgumentException("quote length " + quote.length() + " != span [" + start + "," + end + ")");
        }
    }
}
