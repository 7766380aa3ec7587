package dev.newsdesk.ingest;

import java.net.URI;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The publication date many news sites write into their article paths: {@code /2022/12/21/}, {@code /2022-12-21/}
 * or {@code /20221221/}. It ranks below the page's own metadata and above a crawl date, for polled pages and for
 * files that carry URLs alike (a CNN URL {@code /2022/12/21/} is published 2022-12-21, not on its first_seen).
 * Stateless.
 */
public final class UrlDates {
    private static final Pattern SLASHED = Pattern.compile("/((?:19|20)\\d{2})/(\\d{1,2})/(\\d{1,2})(?=/|$|[-_.])");
    private static final Pattern DASHED = Pattern.compile("/((?:19|20)\\d{2})-(\\d{2})-(\\d{2})(?=/|$|[-_.])");
    private static final Pattern COMPACT = Pattern.compile("/((?:19|20)\\d{2})(\\d{2})(\\d{2})(?=/|$)");

    private UrlDates() {
    }

    /** The date in the URL's path, or null when it holds none that is a real calendar date. */
    public static LocalDate of(String url) {
        if (url == null || url.isBlank()) return null;
        String path;
        try {
            path = URI.create(url.strip()).getRawPath();
        } catch (IllegalArgumentException e) {
            return null; // a malformed URL is kept as written; it just gives no date
        }
        if (path == null) return null;
        for (Pattern p : new Pattern[] {SLASHED, DASHED, COMPACT}) {
            Matcher m = p.matcher(path);
            if (m.find()) {
                try {
                    return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(3)));
                } catch (DateTimeException e) {
                    // "/2022/13/45/" is an id, not a date: try the next form
                }
            }
        }
        return null;
    }
}
