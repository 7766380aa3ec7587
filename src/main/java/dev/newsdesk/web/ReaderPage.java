package dev.newsdesk.web;

import dev.newsdesk.retrieve.ArticleView;
import dev.newsdesk.retrieve.Catalog;
import dev.newsdesk.retrieve.Hit;
import java.util.Optional;

/**
 * The article reader: {@code /a/{articleId}} shows the cleaned article as indexed, {@code /p/{passageId}} the same
 * article with the passage, or the quote span {@code ?start=&end=} (offsets into the cleaned body, as in the
 * citation shape), in a {@code <mark id="cited">} that {@code reader.js} scrolls to. The body is rendered as one
 * pre-wrapped text block so the offsets the index stores are exactly the characters on the page.
 */
final class ReaderPage {
    private final Catalog catalog;

    ReaderPage(Catalog catalog) {
        this.catalog = catalog;
    }

    /** A page or an error with a status; the error text is a sentence for a person. */
    record Result(int status, String html) {}

    Result article(String articleId, Integer start, Integer end) {
        Optional<ArticleView> article = catalog.article(articleId);
        if (article.isEmpty()) return notFound("No article has the id '" + articleId + "'. Search for it from the ask page.");
        ArticleView a = article.get();
        if (start == null && end == null) return new Result(200, render(a, null, -1, -1));
        return span(a, null, start, end);
    }

    Result passage(String passageId, Integer start, Integer end) {
        Optional<Hit> passage = catalog.passage(passageId);
        if (passage.isEmpty()) return notFound("No passage has the id '" + passageId + "'. Passage ids look like ARTICLE:N.");
        Hit p = passage.get();
        Optional<ArticleView> article = catalog.article(p.articleId());
        if (article.isEmpty()) return notFound("The article of passage '" + passageId + "' is no longer in the index.");
        if (start == null && end == null) return new Result(200, render(article.get(), p, p.start(), p.end()));
        return span(article.get(), p, start, end);
    }

    private Result span(ArticleView a, Hit passage, Integer start, Integer end) {
        int length = a.body() == null ? 0 : a.body().length();
        if (start == null || end == null || start < 0 || end <= start || end > length) {
            return new Result(400, Html.page("Bad span", "<p class=\"error\">The span start=" + Html.text(String.valueOf(start))
                    + " end=" + Html.text(String.valueOf(end)) + " is not inside this article (0 to " + length
                    + " characters). Open the <a href=\"/a/" + Html.attr(Html.urlPart(a.id())) + "\">whole article</a> instead.</p>"));
        }
        return new Result(200, render(a, passage, start, end));
    }

    private static Result notFound(String sentence) {
        return new Result(404, Html.page("Not found", "<p class=\"error\">" + Html.text(sentence) + "</p>"));
    }

    private static String render(ArticleView a, Hit passage, int start, int end) {
        StringBuilder sb = new StringBuilder();
        sb.append("<article class=\"reader\"><h1>").append(Html.text(a.title())).append("</h1>");
        sb.append("<p class=\"meta\"><span class=\"outlet\">").append(Html.text(a.outlet())).append("</span>");
        sb.append(" · <time>").append(a.published() == null ? "undated" : a.published().toString()).append("</time>");
        if (a.author() != null && !a.author().isBlank()) sb.append(" · <span class=\"author\">").append(Html.text(a.author())).append("</span>");
        sb.append("</p>");
        String href = Html.safeHref(a.url());
        if (href != null) {
            sb.append("<p class=\"original\"><a rel=\"noopener noreferrer nofollow\" href=\"").append(Html.attr(href))
                    .append("\">Original article</a> <span class=\"url\">").append(Html.text(href)).append("</span></p>");
        } else if (a.url() != null && !a.url().isBlank()) {
            // shown as text so a reader can see it, never as a link: it is not an http(s) address
            sb.append("<p class=\"original\">Original address (not a web link): <span class=\"url\">")
                    .append(Html.text(a.url())).append("</span></p>");
        } else {
            sb.append("<p class=\"original\">This article has no original link; the text below is the copy that was indexed.</p>");
        }
        if (!a.alsoPublishedBy().isEmpty()) {
            sb.append("<p class=\"also\">Also published by ").append(Html.text(String.join(", ", a.alsoPublishedBy()))).append("</p>");
        }
        if (passage != null) {
            sb.append("<p class=\"cited-note\">Cited: passage <code>").append(Html.text(passage.passageId()))
                    .append("</code>, characters ").append(start).append("–").append(end)
                    .append(" · <a href=\"/a/").append(Html.attr(Html.urlPart(a.id()))).append("\">whole article</a></p>");
        }
        String body = a.body() == null ? "" : a.body();
        sb.append("<div class=\"body\" id=\"body\">");
        if (start >= 0) {
            sb.append(Html.text(body.substring(0, start)))
                    .append("<mark id=\"cited\" tabindex=\"-1\">").append(Html.text(body.substring(start, end))).append("</mark>")
                    .append(Html.text(body.substring(end)));
        } else {
            sb.append(Html.text(body));
        }
        sb.append("</div><p class=\"meta\">Article id <code>").append(Html.text(a.id())).append("</code></p></article>");
        return Html.page(a.title() == null ? a.id() : a.title(), sb.toString(), "reader.js");
    }
}
