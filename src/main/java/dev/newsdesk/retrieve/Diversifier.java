package dev.newsdesk.retrieve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Spreads a ranking across articles. Backend-independent. */
public final class Diversifier {
    private Diversifier() {}

    /**
     * Keeps the order but lets at most {@code maxPerArticle} passages of one article into the first {@code limit};
     * passages held back fill the remaining places, so nothing relevant is lost when few articles match.
     */
    public static List<Hit> capPerArticle(List<Hit> ranked, int maxPerArticle, int limit) {
        List<Hit> out = new ArrayList<>(Math.min(limit, ranked.size()));
        List<Hit> held = new ArrayList<>();
        Map<String, Integer> count = new HashMap<>();
        for (Hit h : ranked) {
            if (out.size() == limit) break;
            if (count.merge(h.articleId(), 1, Integer::sum) <= maxPerArticle) out.add(h);
            else held.add(h);
        }
        for (Hit h : held) {
            if (out.size() == limit) break;
            out.add(h);
        }
        return out;
    }
}
