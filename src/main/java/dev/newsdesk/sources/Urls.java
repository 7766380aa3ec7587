package dev.newsdesk.sources;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * URL rules for sources: only http and https; the identity of an article is its canonical URL with tracking
 * parameters ({@code utm_*}, {@code fbclid}, ...) and the fragment removed, so one story reached through two feeds
 * or two links is one article. Stateless.
 */
public final class Urls {
    /** Parameters that only say how a reader arrived, never which page they asked for. */
    private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "dclid", "gclsrc", "msclkid", "mc_cid",
            "mc_eid", "igshid", "yclid", "_hsenc", "_hsmi", "mkt_tok", "ocid", "cmpid", "smid", "ref_src", "s_cid");

    private Urls() {
    }

    /**
     * @return {@code url} stripped, when it is an absolute http or https URL with a host
     * @throws IllegalArgumentException naming the URL and what is wrong with it
     */
    public static String requireHttp(String url) {
        if (url == null || url.isBlank()) throw new IllegalArgumentException("source URL is empty; give an http or https URL");
        String u = url.strip();
        URI uri;
        try {
            uri = new URI(u);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + u + "' is not a valid URL (" + e.getReason() + "); check it");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("'" + u + "' is not an http or https URL; only web addresses can be polled");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("'" + u + "' has no host; give a full URL such as https://example.com/feed.xml");
        }
        return u;
    }

    /** The lower-case host of {@code url}, or null when it has none. */
    public static String host(String url) {
        try {
            String h = new URI(url.strip()).getHost();
            return h == null ? null : h.toLowerCase(Locale.ROOT);
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The identity form of a URL: scheme and host lower-cased, default port, fragment and tracking parameters
     * dropped; other parameters keep their order. A URL that cannot be parsed is returned stripped.
     */
    public static String canonical(String url) {
        if (url == null) return null;
        String u = url.strip();
        try {
            URI uri = new URI(u);
            if (uri.getScheme() == null || uri.getHost() == null) return u;
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            if ((scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443)) port = -1;
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            List<String> kept = new ArrayList<>();
            if (uri.getRawQuery() != null) {
                for (String param : uri.getRawQuery().split("&")) {
                    if (param.isEmpty()) continue;
                    String name = param.split("=", 2)[0].toLowerCase(Locale.ROOT);
                    if (name.startsWith("utm_") || TRACKING.contains(name)) continue;
                    kept.add(param);
                }
            }
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (port < 0 ? "" : ":" + port) + path
                    + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
        } catch (URISyntaxException e) {
            return u;
        }
    }

    /** {@code href} resolved against {@code base}; null when it cannot be. */
    public static String resolve(String base, String href) {
        if (href == null || href.isBlank()) return null;
        try {
            return new URI(base).resolve(new URI(href.strip().replace(" ", "%20"))).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The article id of a canonical URL: 16 hex chars of its SHA-256, stable across runs and machines. */
    public static String articleId(String canonicalUrl) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(canonicalUrl.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
