package dev.newsdesk.sources;

import java.time.Instant;
import java.util.List;

/**
 * What a feed or sitemap lists: article links with what the listing says about them, and (for a sitemap index)
 * further sitemaps.
 *
 * @param items     newest first as the listing orders them
 * @param sitemaps  child sitemaps of a sitemap index, else empty
 */
public record Listing(String kind, List<Item> items, List<String> sitemaps) {
    public Listing {
        items = List.copyOf(items);
        sitemaps = List.copyOf(sitemaps);
    }

    /**
     * One listed article.
     *
     * @param link      its URL as listed (absolute)
     * @param title     the listing's title for it, or null
     * @param published the listing's publication time, or null
     * @param updated   the listing's last-modified time (Atom updated, sitemap lastmod), or null
     * @param author    or null
     * @param outlet    the publication the listing names (a Google News sitemap's news:name), or null
     */
    public record Item(String link, String title, Instant published, Instant updated, String author, String outlet) {
        /** What tells one poll from the next that the item changed: its updated time, else its published time. */
        public String stamp() {
            Instant t = updated != null ? updated : published;
            return t == null ? null : t.toString();
        }
    }
}
