package dev.newsdesk.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsdesk.ingest.Article;
import dev.newsdesk.ingest.BadInputException;
import dev.newsdesk.ingest.DocumentContext;
import dev.newsdesk.ingest.DocumentReader;
import dev.newsdesk.ingest.UrlDates;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A fetched article page to an {@link Article}. The main text comes from the ingest path every HTML file takes
 * ({@link DocumentReader}: jsoup, no navigation or asides, the boilerplate rules). Metadata, best source first:
 * JSON-LD {@code NewsArticle}/{@code Article} (headline, datePublished, author, publisher); OpenGraph and article
 * meta tags ({@code og:site_name}, {@code article:published_time}); the feed item (title, date, author); a date in
 * the URL's path; the crawl time last, marked as such. The identity is the canonical URL ({@code <link
 * rel=canonical>}, then {@code og:url}, then the URL fetched) without tracking parameters; a canonical URL on
 * another site than the page's is ignored, so no page can overwrite another site's article. Thread-safe.
 */
public final class PageReader {
    private static final Set<String> ARTICLE_TYPES = Set.of("newsarticle", "article", "reportagenewsarticle",
            "analysisnewsarticle", "opinionnewsarticle", "backgroundnewsarticle", "blogposting", "liveblogposting",
            "reviewnewsarticle", "socialmediaposting", "report");
    private static final Pattern ISO_DATE = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})");

    private final DocumentReader documents;
    private final ObjectMapper mapper = new ObjectMapper();

    public PageReader(DocumentReader documents) {
        this.documents = documents;
    }

    /**
     * @param url        the URL the page was finally fetched from
     * @param item       what the listing said about it, or null for a page source
     * @param outletHint the source's configured outlet, used when neither page nor listing names one, or null
     * @throws BadInputException with the one-line reason when the page holds no article text
     */
    public PolledArticle read(byte[] body, String url, Listing.Item item, String outletHint, Instant fetched)
            throws BadInputException {
        Article base = documents.html(body, DocumentContext.fetched(url, null, null));
        Document doc;
        try {
            doc = Jsoup.parse(new ByteArrayInputStream(body), null, url);
        } catch (IOException e) {
            throw new IllegalStateException("parsing an in-memory page cannot do I/O", e);
        }
        JsonNode ld = jsonLd(doc);

        String canonical = Urls.canonical(url);
        String declared = firstNonBlank(absUrl(doc.selectFirst("link[rel=canonical]"), "href"), meta(doc, "og:url"));
        if (declared != null && declared.startsWith("http") && sameSite(Urls.host(declared), Urls.host(url))) {
            canonical = Urls.canonical(declared);
        }

        String title = firstNonBlank(text(ld, "headline"), text(ld, "name"), meta(doc, "og:title"),
                meta(doc, "twitter:title"), item == null ? null : item.title(), base.title());
        String outlet = firstNonBlank(name(ld == null ? null : ld.get("publisher")), meta(doc, "og:site_name"),
                meta(doc, "application-name"), item == null ? null : item.outlet(), outletHint, hostName(canonical));
        String author = firstNonBlank(name(ld == null ? null : ld.get("author")), meta(doc, "author"),
                meta(doc, "article:author"), item == null ? null : item.author(), base.author());

        LocalDate published = date(text(ld, "datePublished"));
        String datedBy = "json-ld";
        if (published == null) {
            published = date(firstNonBlank(meta(doc, "article:published_time"), meta(doc, "datePublished"),
                    meta(doc, "date"), meta(doc, "pubdate"), meta(doc, "dc.date"),
                    attr(doc.selectFirst("time[datetime]"), "datetime")));
            datedBy = "meta";
        }
        if (published == null && item != null && item.published() != null) {
            published = LocalDate.ofInstant(item.published(), ZoneOffset.UTC);
            datedBy = "feed";
        }
        if (published == null && item != null && item.updated() != null) {
            published = LocalDate.ofInstant(item.updated(), ZoneOffset.UTC);
            datedBy = "feed";
        }
        if (published == null) {
            published = UrlDates.of(canonical);
            if (published == null) published = UrlDates.of(url);
            datedBy = "url";
        }
        if (published == null) {
            published = LocalDate.ofInstant(fetched, ZoneOffset.UTC);
            datedBy = "crawl";
        }
        Article a = new Article(Urls.articleId(canonical), title, outlet, published, canonical, author, base.category(),
                base.body(), canonical, List.of());
        return new PolledArticle(a, datedBy, url);
    }

    /** The first JSON-LD object of an article type, looking into arrays and {@code @graph}; null when none. */
    private JsonNode jsonLd(Document doc) {
        for (Element s : doc.select("script[type=application/ld+json]")) {
            JsonNode root;
            try {
                root = mapper.readTree(s.data());
            } catch (IOException e) {
                continue; // broken JSON-LD is common; the next source of metadata takes over
            }
            JsonNode found = findArticle(root, 0);
            if (found != null) return found;
        }
        return null;
    }

    private static JsonNode findArticle(JsonNode n, int depth) {
        if (n == null || depth > 4) return null;
        if (n.isArray()) {
            for (JsonNode e : n) {
                JsonNode f = findArticle(e, depth + 1);
                if (f != null) return f;
            }
            return null;
        }
        if (!n.isObject()) return null;
        JsonNode type = n.get("@type");
        List<String> types = new ArrayList<>();
        if (type != null && type.isTextual()) types.add(type.asText());
        if (type != null && type.isArray()) type.forEach(t -> types.add(t.asText()));
        for (String t : types) if (ARTICLE_TYPES.contains(t.toLowerCase(java.util.Locale.ROOT))) return n;
        return findArticle(n.get("@graph"), depth + 1);
    }

    /** A person or organisation as JSON-LD writes it: a string, {"name": ...}, or a list of either (joined). */
    private static String name(JsonNode n) {
        if (n == null || n.isNull()) return null;
        if (n.isTextual()) return blankToNull(n.asText());
        if (n.isObject()) return n.hasNonNull("name") && n.get("name").isTextual() ? blankToNull(n.get("name").asText()) : null;
        if (n.isArray()) {
            List<String> names = new ArrayList<>();
            for (JsonNode e : n) {
                String s = name(e);
                if (s != null) names.add(s);
            }
            return names.isEmpty() ? null : String.join(", ", names);
        }
        return null;
    }

    /** The calendar date as written (an article dated 23:30 in New York is of that day, not the next UTC day). */
    static LocalDate date(String value) {
        if (value == null || value.isBlank()) return null;
        String v = value.strip();
        Matcher m = ISO_DATE.matcher(v);
        if (m.find()) {
            try {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            } catch (java.time.DateTimeException e) {
                return null;
            }
        }
        try {
            return ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toLocalDate();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean sameSite(String a, String b) {
        return a != null && b != null && new AllowedHosts(Set.of(b)).allows(a);
    }

    private static String hostName(String url) {
        String h = Urls.host(url);
        if (h == null) return null;
        return h.startsWith("www.") ? h.substring(4) : h;
    }

    private static String text(JsonNode n, String field) {
        if (n == null) return null;
        JsonNode v = n.get(field);
        return v != null && v.isTextual() ? blankToNull(v.asText()) : null;
    }

    private static String meta(Document doc, String key) {
        Element e = doc.selectFirst("meta[property=" + key + "], meta[name=" + key + "], meta[itemprop=" + key + "]");
        return e == null ? null : blankToNull(e.attr("content"));
    }

    private static String attr(Element e, String name) {
        return e == null ? null : blankToNull(e.attr(name));
    }

    private static String absUrl(Element e, String name) {
        return e == null ? null : blankToNull(e.absUrl(name));
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) if (v != null && !v.isBlank()) return v.strip();
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
