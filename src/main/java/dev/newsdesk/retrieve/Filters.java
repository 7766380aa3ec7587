package dev.newsdesk.retrieve;

import java.time.LocalDate;
import java.util.List;

/**
 * Restrictions applied inside every retrieval (never as a post-filter).
 *
 * @param outlets outlets to keep, matched case-insensitively; empty means all
 * @param since inclusive lower bound on the publication date, or null
 * @param until inclusive upper bound on the publication date, or null
 */
public record Filters(List<String> outlets, LocalDate since, LocalDate until) {
    public static final Filters NONE = new Filters(List.of(), null, null);

    public Filters {
        outlets = outlets == null ? List.of() : outlets.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (since != null && until != null && since.isAfter(until)) {
            throw new IllegalArgumentException("--since " + since + " is after --until " + until + "; swap them");
        }
    }

    public boolean isEmpty() {
        return outlets.isEmpty() && since == null && until == null;
    }
}
