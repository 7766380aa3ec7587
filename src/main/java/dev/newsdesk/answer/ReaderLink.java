package dev.newsdesk.answer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The web companion's reader address of a citation, {@code BASE/p/PASSAGE?start=S&end=E}: it opens the article as
 * indexed with the quoted span highlighted, so a citation opens even when its article has no URL of its own. One
 * place for the shape, used by the web pages, the CLI and Discord when {@code web.base-url} is set.
 */
public final class ReaderLink {
    private ReaderLink() {}

    /** @param base the reader's address without a trailing slash ("" for a link relative to the site root) */
    public static String of(String base, String passageId, int start, int end) {
        return base + "/p/" + URLEncoder.encode(passageId, StandardCharsets.UTF_8).replace("%3A", ":").replace("+", "%20")
                + "?start=" + start + "&end=" + end;
    }

    public static String of(String base, Citation c) {
        return of(base, c.passageId(), c.start(), c.end());
    }

    /** The configured base without trailing slashes, or null when unset or blank. */
    public static String base(String configured) {
        return configured == null || configured.isBlank() ? null : configured.strip().replaceAll("/+$", "");
    }
}
