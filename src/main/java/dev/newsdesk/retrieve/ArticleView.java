package dev.newsdesk.retrieve;

import java.time.LocalDate;
import java.util.List;

/** An indexed article as stored: metadata plus the cleaned body that passage offsets point into. */
public record ArticleView(String id, String title, String outlet, LocalDate published, String url, String author,
                          String category, String body, String source, List<String> alsoPublishedBy, int passages) {
}
