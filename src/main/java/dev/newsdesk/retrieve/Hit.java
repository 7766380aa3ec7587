package dev.newsdesk.retrieve;

import java.time.LocalDate;

/**
 * One retrieved passage with the article metadata a citation needs. Backend-independent: no Lucene types.
 *
 * @param snippet passage text with matches marked as **bold** (Markdown), for display only
 */
public record Hit(String passageId, String articleId, int ordinal, int start, int end, String text,
                  String title, String outlet, LocalDate published, String url, double score, String snippet) {
    public Hit withScore(double newScore) {
        return new Hit(passageId, articleId, ordinal, start, end, text, title, outlet, published, url, newScore, snippet);
    }
}
