package dev.newsdesk.discord;

import dev.newsdesk.answer.Answer;
import dev.newsdesk.answer.Citation;
import dev.newsdesk.retrieve.ArticleView;
import dev.newsdesk.retrieve.Catalog;
import dev.newsdesk.retrieve.Hit;
import dev.newsdesk.retrieve.Retriever;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A tiny in-memory corpus with a real (if simple) Catalog and Retriever, for the Discord tests. */
final class TestCorpus {
    static final String BODY1 = "The central bank raised interest rates by half a point on Tuesday. "
            + "Officials said inflation remained \"stubbornly high\" across the region. Markets fell sharply.";
    static final String BODY2 = "A spokesperson told staff: @everyone please read the memo from <@&42> today. "
            + "The memo described new rules for the newsroom and its editors.";
    static final ArticleView A1 = new ArticleView("a1", "Rates rise again", "Reuters", LocalDate.of(2024, 3, 5),
            "https://example.com/rates", null, null, BODY1, "corpus/a1.md", List.of(), 1);
    static final ArticleView A2 = new ArticleView("a2", "Memo to @everyone", "The Daily <@&42>", LocalDate.of(2024, 3, 6),
            "https://example.com/memo", null, null, BODY2, "corpus/a2.md", List.of(), 1);
    static final Map<String, ArticleView> ARTICLES = Map.of("a1", A1, "a2", A2);

    static Citation cite(int n, ArticleView a, String quote) {
        int start = a.body().indexOf(quote);
        if (start < 0) throw new IllegalArgumentException(quote);
        return new Citation(n, a.id(), a.id() + ":0", a.outlet(), a.title(), a.published(), a.url(), quote, start,
                start + quote.length());
    }

    /** The fixed answer: two citations, the second quoting "@everyone" and "<@&42>". */
    static Answer answer(String question) {
        return new Answer(question, "Rates went up by half a point [1]. Staff were told about it, @everyone style [2].",
                false, List.of(cite(1, A1, "raised interest rates by half a point"),
                cite(2, A2, "@everyone please read the memo from <@&42> today.")), "fixed", null, List.of());
    }

    static Hit hit(ArticleView a) {
        return new Hit(a.id() + ":0", a.id(), 0, 0, a.body().length(), a.body(), a.title(), a.outlet(), a.published(),
                a.url(), 1.0, a.body());
    }

    static final Catalog CATALOG = new Catalog() {
        @Override
        public Optional<ArticleView> article(String id) {
            return Optional.ofNullable(ARTICLES.get(id));
        }

        @Override
        public Optional<Hit> passage(String passageId) {
            return article(passageId.split(":")[0]).map(TestCorpus::hit);
        }

        @Override
        public List<Hit> passagesOf(String articleId) {
            return article(articleId).map(TestCorpus::hit).stream().toList();
        }

        @Override
        public List<String> articleIds() {
            return List.copyOf(ARTICLES.keySet());
        }

        @Override
        public Stats stats() {
            return new Stats(2, 2, List.of(new OutletCount("Reuters", 1), new OutletCount("The Daily <@&42>", 1),
                    new OutletCount("Associated Press", 0)), LocalDate.of(2024, 3, 5), LocalDate.of(2024, 3, 6), 1234);
        }
    };

    /** Hits every article sharing a word (4+ letters) with the query, in id order. */
    static final Retriever RETRIEVER = request -> {
        List<Hit> out = new ArrayList<>();
        for (ArticleView a : List.of(A1, A2)) {
            String body = a.body().toLowerCase(Locale.ROOT);
            for (String w : request.query().toLowerCase(Locale.ROOT).split("\\W+")) {
                if (w.length() >= 4 && body.contains(w)) {
                    out.add(hit(a));
                    break;
                }
            }
        }
        return out.subList(0, Math.min(out.size(), request.limit()));
    };

    private TestCorpus() {}
}
