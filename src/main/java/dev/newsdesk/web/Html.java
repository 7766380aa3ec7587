package dev.newsdesk.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The only way text reaches a page: every string from an article, a question or the index goes through
 * {@link #text} or {@link #attr}, and every link through {@link #safeHref}. Articles are hostile input (a scraped
 * page may hold {@code <script>}, {@code javascript:} links, {@code on*=} attributes), so nothing is passed through
 * raw; the Content-Security-Policy ({@link WebServer}) is the second wall, not the first.
 */
final class Html {
    private Html() {}

    /** Escapes text for an element's content (also safe inside a double-quoted attribute). Null becomes "". */
    static String text(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    // control characters other than tab/newline have no business in a page
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') sb.append('\uFFFD');
                    else sb.append(c);
                }
            }
        }
        return sb.toString();
    }

    /** Escapes a value for a double-quoted attribute. */
    static String attr(String s) {
        return text(s);
    }

    /**
     * The URL if it is an absolute http(s) address, else null: a {@code javascript:}, {@code data:} or relative
     * "original link" from an article must not become a live link.
     */
    static String safeHref(String url) {
        if (url == null || url.isBlank()) return null;
        try {
            URI u = new URI(url.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) return null;
            return u.toASCIIString();
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    /** Percent-encodes one query parameter value or path segment. */
    static String urlPart(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * A search snippet: Hit snippets mark matches as **bold** (Markdown); escaped first, then the markers become
     * {@code <strong>}, so an article's own asterisks can at worst bold some text.
     */
    static String snippet(String markdown) {
        String escaped = text(markdown == null ? "" : markdown.replaceAll("\\s+", " "));
        return escaped.replaceAll("\\*\\*(.+?)\\*\\*", "<strong>$1</strong>");
    }

    /**
     * A whole page: the shared head (CSS and scripts only from this server, see the CSP), a header with the ask
     * link, then {@code body}, which the caller built from escaped parts.
     */
    static String page(String title, String body, String... scripts) {
        StringBuilder sb = new StringBuilder(body.length() + 1024);
        sb.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(text(title)).append(" · newsdesk</title>")
                .append("<link rel=\"stylesheet\" href=\"/static/newsdesk.css\">");
        for (String s : scripts) sb.append("<script src=\"/static/").append(attr(s)).append("\" defer></script>");
        sb.append("</head><body><header class=\"top\"><a href=\"/\" class=\"brand\">newsdesk</a>")
                .append("<nav><a href=\"/\">Ask</a> <a href=\"/insights\">Insights</a></nav></header>\n<main>")
                .append(body).append("</main></body></html>\n");
        return sb.toString();
    }
}
