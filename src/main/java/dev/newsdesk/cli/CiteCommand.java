package dev.newsdesk.cli;

import dev.newsdesk.retrieve.ArticleView;
import dev.newsdesk.retrieve.Catalog;
import dev.newsdesk.retrieve.Hit;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "cite", description = "Show a passage (id ARTICLE:N) with its surrounding passages, or an article (id ARTICLE) with its metadata.")
final class CiteCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "ID", description = "An article id (e.g. 003_b57a007ab773b582) or a passage id (e.g. 003_b57a007ab773b582:2).")
    String id;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    record PassageOutput(Hit passage, Hit before, Hit after, ArticleView article) {}

    @Override
    public Integer call() throws Exception {
        PrintWriter out = common.out();
        PrintWriter err = common.err();
        try (App app = App.create(common)) {
            Catalog catalog = app.catalog(err);
            Optional<Hit> passage = id.contains(":") ? catalog.passage(id) : Optional.empty();
            if (passage.isPresent()) {
                Hit p = passage.get();
                ArticleView a = catalog.article(p.articleId()).orElseThrow();
                List<Hit> all = catalog.passagesOf(p.articleId());
                Hit before = p.ordinal() > 0 && p.ordinal() - 1 < all.size() ? all.get(p.ordinal() - 1) : null;
                Hit after = p.ordinal() + 1 < all.size() ? all.get(p.ordinal() + 1) : null;
                if (json) {
                    out.println(Json.write(new PassageOutput(p, before, after, withoutBody(a))));
                    return 0;
                }
                header(out, a);
                out.println("passage " + p.passageId() + " (chars " + p.start() + "-" + p.end() + ")");
                if (before != null) out.println("\n  ... " + tail(before.text()));
                out.println("\n>> " + p.text().replace("\n", "\n>> "));
                if (after != null) out.println("\n  " + head(after.text()) + " ...");
                return 0;
            }
            Optional<ArticleView> article = catalog.article(id);
            if (article.isEmpty()) {
                err.println("newsdesk: no article or passage with id '" + id + "'; find ids with: newsdesk search WORDS");
                return 1;
            }
            ArticleView a = article.get();
            if (json) {
                out.println(Json.write(a));
                return 0;
            }
            header(out, a);
            out.println();
            out.println(a.body());
            return 0;
        }
    }

    private static ArticleView withoutBody(ArticleView a) {
        return new ArticleView(a.id(), a.title(), a.outlet(), a.published(), a.url(), a.author(), a.category(), null,
                a.source(), a.alsoPublishedBy(), a.passages());
    }

    private static void header(PrintWriter out, ArticleView a) {
        out.println(a.title());
        out.println(a.outlet() + " · " + (a.published() == null ? "undated" : a.published())
                + (a.author() == null ? "" : " · " + a.author()) + " · " + a.passages() + " passages · id " + a.id());
        if (a.url() != null) out.println(a.url());
        if (!a.alsoPublishedBy().isEmpty()) out.println("also published by: " + String.join(", ", a.alsoPublishedBy()));
    }

    private static String tail(String s) {
        return s.length() <= 200 ? s : s.substring(s.length() - 200);
    }

    private static String head(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200);
    }
}
