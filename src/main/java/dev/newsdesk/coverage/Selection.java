package dev.newsdesk.coverage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Choosing and ordering groups for display; shared by summaries, comparisons and timelines. Stateless. */
final class Selection {
    /** Groups whose relevance falls below this share of the best group's are off topic. */
    static final double MIN_RELATIVE_RELEVANCE = 0.35;
    /** Two groups whose central sentences share this share of terms (Jaccard) say the same thing twice. */
    static final double DUPLICATE_OVERLAP = 0.5;

    private Selection() {}

    /** Widest spread first: distinct outlets, distinct articles, then the earliest report, then relevance. */
    static final Comparator<SentenceGroup> WIDEST_EARLIEST = Comparator
            .comparingInt((SentenceGroup g) -> g.outlets().size()).reversed()
            .thenComparing(Comparator.comparingInt((SentenceGroup g) -> g.articles().size()).reversed())
            .thenComparing(SentenceGroup::earliest, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Comparator.comparingDouble(SentenceGroup::relevance).reversed());

    /**
     * Up to {@code max} groups: every on-topic group reported by two or more articles (widest first), then, when
     * fewer than {@code fill} were found, the most relevant single-article groups. Near-duplicate groups are skipped.
     */
    static List<SentenceGroup> pick(List<SentenceGroup> groups, int max, int fill) {
        double top = groups.stream().mapToDouble(SentenceGroup::relevance).max().orElse(0);
        List<SentenceGroup> onTopic = groups.stream().filter(g -> g.relevance() >= MIN_RELATIVE_RELEVANCE * top).toList();
        List<SentenceGroup> chosen = new ArrayList<>();
        for (SentenceGroup g : onTopic) {
            if (chosen.size() >= max) break;
            if (g.articles().size() >= 2 && !duplicate(g, chosen)) chosen.add(g);
        }
        List<SentenceGroup> singles = new ArrayList<>(onTopic.stream().filter(g -> g.articles().size() < 2).toList());
        singles.sort(Comparator.comparingDouble(SentenceGroup::relevance).reversed().thenComparing(g -> g.central().key()));
        for (SentenceGroup g : singles) {
            if (chosen.size() >= Math.min(fill, max)) break;
            if (!duplicate(g, chosen)) chosen.add(g);
        }
        chosen.sort(WIDEST_EARLIEST);
        return chosen;
    }

    static boolean duplicate(SentenceGroup g, List<SentenceGroup> chosen) {
        Set<Integer> a = terms(g.central());
        for (SentenceGroup o : chosen) {
            Set<Integer> b = terms(o.central());
            Set<Integer> inter = new HashSet<>(a);
            inter.retainAll(b);
            int union = a.size() + b.size() - inter.size();
            if (union > 0 && (double) inter.size() / union >= DUPLICATE_OVERLAP) return true;
        }
        return false;
    }

    private static Set<Integer> terms(CoverageSentence s) {
        Set<Integer> out = new HashSet<>();
        for (int id : s.termIds()) out.add(id);
        return out;
    }

    /** "reported by 3 outlets (A, B, C)", "only JNS", "only JNS, in 2 articles". */
    static String spread(SentenceGroup g) {
        Set<String> outlets = g.outlets();
        int articles = g.articles().size();
        if (outlets.size() == 1) {
            return "only " + outlets.iterator().next() + (articles > 1 ? ", in " + articles + " articles" : "");
        }
        return "reported by " + outlets.size() + " outlets (" + String.join(", ", outlets) + ")"
                + (articles > outlets.size() ? " in " + articles + " articles" : "");
    }
}
