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

    /** The same source under another number (an answer that drops citations numbers the rest from 1 again). */
    public Citation numbered(int number) {
        return number == n ? this : new Citation(number, articleId, passageId, outlet, title, published, url, quote, start, end);
    }
}
