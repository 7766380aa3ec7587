package dev.newsdesk.sources;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.NewsAttributes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Feeds and sitemaps into {@link Listing}s: RSS 2.0, RSS 1.0 (RDF) and Atom through Rome; XML sitemaps, sitemap
 * indexes and Google News sitemaps through crawler-commons. Which one a document is comes from its root element,
 * so a sitemap given as a feed still reads; an HTML page or damaged XML is refused with the reason. Doctypes are not
 * allowed (no external entities). Stateless.
 */
public final class ListingParser {
    private static final Pattern ROOT = Pattern.compile("<([A-Za-z_][\\w.:-]*)");

    /** A document that is not a feed or sitemap, with the one-line reason. */
    public static final class NotAListing extends Exception {
        NotAListing(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * @param url where it came from: relative links resolve against it
     * @throws NotAListing naming what the document is instead, or where its XML breaks
     */
    public Listing parse(byte[] body, String url) throws NotAListing {
        String root = rootElement(body);
        if (root == null) throw new NotAListing("empty or not XML; expected an RSS or Atom feed or a sitemap");
        String name = root.toLowerCase(Locale.ROOT);
        if (name.equals("html") || name.equals("!doctype html")) {
            throw new NotAListing("is an HTML page, not a feed; look in its <head> for a <link rel=\"alternate\" "
                    + "type=\"application/rss+xml\"> and add that URL instead");
        }
        String local = name.contains(":") ? name.substring(name.indexOf(':') + 1) : name;
        if (local.equals("urlset") || local.equals("sitemapindex")) return sitemap(body, url);
        if (local.equals("rss") || local.equals("rdf") || local.equals("feed")) return feed(body, url);
        throw new NotAListing("root element <" + root + "> is neither a feed (rss, rdf:RDF, feed) nor a sitemap (urlset, sitemapindex)");
    }

    private static Listing feed(byte[] body, String url) throws NotAListing {
        SyndFeed feed;
        try {
            SyndFeedInput in = new SyndFeedInput();
            in.setAllowDoctypes(false);
            feed = in.build(new XmlReader(new ByteArrayInputStream(body)));
        } catch (FeedException | IllegalArgumentException e) {
            throw new NotAListing("malformed feed (" + firstLine(e.getMessage()) + ")");
        } catch (IOException e) {
            throw new NotAListing("unreadable feed (" + firstLine(e.getMessage()) + ")");
        }
        List<Listing.Item> items = new ArrayList<>();
        for (SyndEntry e : feed.getEntries()) {
            String link = e.getLink();
            if ((link == null || link.isBlank()) && e.getUri() != null && e.getUri().startsWith("http")) link = e.getUri();
            link = link == null ? null : Urls.resolve(url, link);
            items.add(new Listing.Item(link, blankToNull(e.getTitle()), instant(e.getPublishedDate()),
                    instant(e.getUpdatedDate()), blankToNull(e.getAuthor()), null));
        }
        return new Listing(feed.getFeedType() == null ? "feed" : feed.getFeedType(), items, List.of());
    }

    private static Listing sitemap(byte[] body, String url) throws NotAListing {
        SiteMapParser parser = new SiteMapParser(false); // not strict: news sites list article URLs outside the sitemap's folder
        parser.enableExtension(Extension.NEWS);
        AbstractSiteMap map;
        try {
            map = parser.parseSiteMap("text/xml", body, URI.create(url).toURL());
        } catch (UnknownFormatException | IOException | IllegalArgumentException e) {
            throw new NotAListing("malformed sitemap (" + firstLine(e.getMessage()) + ")");
        }
        if (map instanceof SiteMapIndex index) {
            List<String> children = new ArrayList<>();
            for (AbstractSiteMap child : index.getSitemaps()) children.add(child.getUrl().toString());
            return new Listing("sitemapindex", List.of(), children);
        }
        List<Listing.Item> items = new ArrayList<>();
        boolean news = false;
        for (SiteMapURL u : ((SiteMap) map).getSiteMapUrls()) {
            String title = null;
            String outlet = null;
            Instant published = null;
            ExtensionMetadata[] meta = u.getAttributesForExtension(Extension.NEWS);
            if (meta != null) {
                for (ExtensionMetadata m : meta) {
                    if (m instanceof NewsAttributes n) {
                        news = true;
                        title = blankToNull(n.getTitle());
                        outlet = blankToNull(n.getName());
                        published = n.getPublicationDateTime() == null ? null : n.getPublicationDateTime().toInstant();
                    }
                }
            }
            items.add(new Listing.Item(u.getUrl().toString(), title, published, instant(u.getLastModified()), null, outlet));
        }
        // Sitemaps are ordered by nothing in particular; newest first so the item cap keeps the latest.
        items.sort((a, b) -> {
            Instant ta = a.updated() != null ? a.updated() : a.published();
            Instant tb = b.updated() != null ? b.updated() : b.published();
            if (ta == null || tb == null) return ta == null ? (tb == null ? 0 : 1) : -1;
            return tb.compareTo(ta);
        });
        return new Listing(news ? "news-sitemap" : "sitemap", items, List.of());
    }

    /** The first element name ("rss", "feed", "urlset", "html"), or "!doctype html" for an HTML doctype. */
    static String rootElement(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.UTF_8);
        head = head.replaceAll("(?s)<\\?.*?\\?>", "").replaceAll("(?s)<!--.*?-->", "");
        if (head.strip().toLowerCase(Locale.ROOT).startsWith("<!doctype html")) return "!doctype html";
        head = head.replaceAll("(?is)<!doctype[^>]*>", "");
        Matcher m = ROOT.matcher(head);
        return m.find() ? m.group(1) : null;
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String firstLine(String s) {
        if (s == null) return "no detail";
        String l = s.lines().findFirst().orElse("").strip();
        return l.length() <= 140 ? l : l.substring(0, 137) + "...";
    }
}
