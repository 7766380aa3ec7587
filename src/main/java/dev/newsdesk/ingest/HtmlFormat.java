package dev.newsdesk.ingest;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Set;

/**
 * HTML pages: the main text of {@code <article>} (the longest one) or {@code <main>}, else {@code <body>}, without
 * navigation, headers, footers, asides, scripts, styles and forms. Metadata from Open Graph and article meta
 * tags, which most news sites emit for link previews. Files ({@code .html}, {@code .htm}) and fetched pages (through
 * {@link DocumentReader}) take this same path. Stateless.
 */
final class HtmlFormat implements DocumentFormat {
    private static final String CHROME = "script, style, noscript, template, nav, header, footer, aside, form, "
            + "button, iframe, svg, [role=navigation], [role=banner], [role=contentinfo], [role=complementary], "
            + "[hidden], [aria-hidden=true]";
    /** Elements whose start and end break a line: each becomes its own paragraph in the cleaner. */
    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
            "blockquote", "pre", "section", "article", "main", "table", "tr", "figure", "figcaption", "dl", "dt",
            "dd", "address", "hr", "br", "header", "footer", "center");

    private static final Extensions EXTENSIONS = Extensions.of(".html", "html", "htm");

    @Override
    public Extensions extensions() {
        return EXTENSIONS;
    }

    /** @param bytes the page; its charset comes from the BOM or a meta tag, else UTF-8 */
    @Override
    public RawRecord parse(byte[] bytes) throws IOException, BadInputException {
        InputChecks.checkNotBinary(bytes, bytes.length);
        Document doc = Jsoup.parse(new ByteArrayInputStream(bytes), null, "");
        String title = firstNonBlank(meta(doc, "og:title"), meta(doc, "twitter:title"), text(doc.selectFirst("h1")),
                doc.title());
        String published = firstNonBlank(meta(doc, "article:published_time"), meta(doc, "datePublished"),
                meta(doc, "date"), meta(doc, "pubdate"), attr(doc.selectFirst("time[datetime]"), "datetime"));
        String outlet = firstNonBlank(meta(doc, "og:site_name"), meta(doc, "application-name"));
        String url = firstNonBlank(attr(doc.selectFirst("link[rel=canonical]"), "href"), meta(doc, "og:url"));
        String author = firstNonBlank(meta(doc, "author"), meta(doc, "article:author"));
        String category = meta(doc, "article:section");

        Element main = mainElement(doc);
        main.select(CHROME).remove();
        return new RawRecord(null, title, outlet, published, url, author, category, blockText(main), null);
    }

    private static Element mainElement(Document doc) {
        Element best = null;
        for (Element a : doc.select("article")) { // pages with teaser lists have many; the story is the longest
            if (best == null || a.text().length() > best.text().length()) best = a;
        }
        if (best == null) best = doc.selectFirst("main, [role=main]");
        return best != null ? best : doc.body();
    }

    /** Text with a line break around every block element and source whitespace collapsed. */
    private static String blockText(Element root) {
        StringBuilder sb = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) sb.append(t.getWholeText().replaceAll("\\s+", " "));
                else if (node instanceof Element e && BLOCKS.contains(e.normalName())) sb.append('\n');
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) sb.append('\n');
                else if (node instanceof Element e && (e.normalName().equals("td") || e.normalName().equals("th"))) {
                    sb.append(' ');
                }
            }
        }, root);
        return sb.toString();
    }

    private static String meta(Document doc, String key) {
        Element e = doc.selectFirst("meta[property=" + key + "], meta[name=" + key + "], meta[itemprop=" + key + "]");
        return e == null ? null : e.attr("content");
    }

    private static String attr(Element e, String name) {
        return e == null ? null : e.attr(name);
    }

    private static String text(Element e) {
        return e == null ? null : e.text();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) if (v != null && !v.isBlank()) return v.strip();
        return null;
    }
}
