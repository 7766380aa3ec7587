package dev.newsdesk.sources;

import java.time.Duration;
import java.util.Locale;

/**
 * One place newsdesk polls for coverage.
 *
 * @param url      the feed, sitemap or article address (http or https)
 * @param kind     what the URL holds
 * @param outlet   the outlet its articles are shown under when their pages name none, or null
 * @param interval how often it is polled (at least a minute)
 * @param enabled  whether {@code poll} visits it
 */
public record Source(String url, Kind kind, String outlet, Duration interval, boolean enabled) {
    /** Polling more often than this is unkind to the site and useless for news. */
    public static final Duration MIN_INTERVAL = Duration.ofMinutes(1);
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(30);

    /** What a source URL holds. */
    public enum Kind {
        /** RSS 2.0, RSS 1.0 (RDF) or Atom; a sitemap found there is read as one too. */
        FEED,
        /** An XML sitemap, a sitemap index or a Google News sitemap. */
        SITEMAP,
        /** One article page. */
        PAGE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind parse(String s) {
            for (Kind k : values()) if (k.id().equalsIgnoreCase(s == null ? "" : s.strip())) return k;
            throw new IllegalArgumentException("unknown source kind '" + s + "'; use feed, sitemap or page");
        }
    }

    public Source {
        url = Urls.requireHttp(url);
        if (kind == null) kind = Kind.FEED;
        outlet = outlet == null || outlet.isBlank() ? null : outlet.strip();
        if (interval == null) interval = DEFAULT_INTERVAL;
        if (interval.compareTo(MIN_INTERVAL) < 0) {
            throw new IllegalArgumentException("poll interval " + interval.toSeconds() + " s for " + url
                    + " is under a minute; use 1 minute or more");
        }
    }

    public Source withEnabled(boolean on) {
        return new Source(url, kind, outlet, interval, on);
    }
}
