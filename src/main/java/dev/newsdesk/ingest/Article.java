package dev.newsdesk.ingest;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One article after cleaning: the unit that is deduplicated, hashed for incremental ingest and chunked
 * into {@link Passage}s. {@code body} is the cleaned text; every passage offset points into it.
 *
 * @param id stable id: the file stem for one-article files, else a hash of source and position
 * @param title headline, never blank (derived from the text when the source has none)
 * @param outlet publication name, or "unknown"
 * @param published publication date, or null when neither metadata nor text states one
 * @param url link to the original, or null
 * @param author byline, or null
 * @param category section, or null
 * @param body cleaned article text (boilerplate removed)
 * @param source path of the file this came from (plus "#n" for the n-th record of a multi-record file)
 * @param alsoPublishedBy outlets/ids of near-duplicates folded into this article
 */
public record Article(String id, String title, String outlet, LocalDate published, String url, String author,
                      String category, String body, String source, List<String> alsoPublishedBy) {
    public Article {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) throw new IllegalArgumentException("article id is blank (source " + source + ")");
        Objects.requireNonNull(body, "body");
        title = title == null || title.isBlank() ? "(untitled)" : title.strip();
        outlet = outlet == null || outlet.isBlank() ? "unknown" : outlet.strip();
        alsoPublishedBy = alsoPublishedBy == null ? List.of() : List.copyOf(alsoPublishedBy);
    }

    public Article withAlsoPublishedBy(List<String> others) {
        return new Article(id, title, outlet, published, url, author, category, body, source, others);
    }
}
