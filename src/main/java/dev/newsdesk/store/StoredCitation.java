package dev.newsdesk.store;

/**
 * A citation as it was shown with a stored answer: enough to judge a report on it later (the quote and the passage
 * it came from), even after the index has changed.
 */
public record StoredCitation(int n, String articleId, String passageId, String outlet, String title, String published,
                             String url, String quote, String passage) {
  public StoredCitation {
    if (n < 1) {
      throw new IllegalArgumentException("citation number must be >= 1, got " + n);
    }
    quote = quote == null ? "" : quote;
    passage = passage == null ? "" : passage;
  }
}
