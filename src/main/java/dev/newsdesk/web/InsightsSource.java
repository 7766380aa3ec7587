package dev.newsdesk.web;

import dev.newsdesk.store.Insights;
import java.time.LocalDate;

/**
 * Where the admin page's numbers come from: the store's insights query ({@code newsdesk insights}), read when the
 * page is opened. Thread-safe. The web package draws them; it never runs SQL itself.
 */
@FunctionalInterface
public interface InsightsSource {
    /** @return the numbers, {@link Insights#unavailable} saying why, or null when no store is configured */
    Insights read(LocalDate since, LocalDate until);

    /** No store: the page says so instead of drawing empty charts. */
    InsightsSource NONE = (since, until) -> null;
}
