package dev.newsdesk.retrieve;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Look-ups by id and corpus statistics, from the same index snapshot that retrieval uses. Thread-safe. */
public interface Catalog {
    Optional<ArticleView> article(String articleId);

    /** A passage by id ("{articleId}:{ordinal}"), as a Hit with score 0. */
    Optional<Hit> passage(String passageId);

    /** Passages of one article in order. */
    List<Hit> passagesOf(String articleId);

    /** The ids of every indexed article (for whole-corpus passes such as eval's evidence ceiling), in index order. */
    List<String> articleIds();

    Stats stats();

    record OutletCount(String outlet, int articles) {}

    record Stats(int articles, int passages, List<OutletCount> outlets, LocalDate earliest, LocalDate latest,
                 long indexBytes) {}
}
