package dev.newsdesk.retrieve;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks outlet names a user typed against the outlets the index holds, so a typo says "did you mean JNS?" instead
 * of filtering everything away and reading as "no article comes close". Names match case-insensitively, as
 * {@link Filters} does. Shared by the CLI and Discord so both say the same thing.
 */
public final class OutletNames {
    /** Outlets listed in the message; a corpus of hundreds points to the full list instead. */
    static final int LISTED = 10;

    private OutletNames() {
    }

    /**
     * @param option how the user named the option ("--outlet" on the CLI, "outlet" in Discord)
     * @param requested the names given
     * @param indexed the index's outlets, most covered first ({@link Catalog.Stats#outlets()})
     * @param fullList where the complete list is ("newsdesk stats", "/outlets")
     * @return the one-line problem with the first unknown name, or empty when every name is indexed (or the index is
     *     empty, where the usual "nothing indexed" message is the better one)
     */
    public static Optional<String> problem(String option, List<String> requested, List<Catalog.OutletCount> indexed,
                                           String fullList) {
        if (indexed.isEmpty()) return Optional.empty();
        List<String> names = indexed.stream().map(Catalog.OutletCount::outlet).toList();
        for (String r : requested) {
            String want = r.strip();
            if (want.isEmpty() || names.stream().anyMatch(n -> n.equalsIgnoreCase(want))) continue;
            StringBuilder sb = new StringBuilder(option).append(" \"").append(want).append("\" is not an indexed outlet");
            nearest(want, names).ifPresent(n -> sb.append(" (did you mean ").append(n).append("?)"));
            sb.append("; the index has ").append(String.join(", ", names.subList(0, Math.min(LISTED, names.size()))));
            if (names.size() > LISTED) sb.append(" and ").append(names.size() - LISTED).append(" more (").append(fullList).append(")");
            return Optional.of(sb.toString());
        }
        return Optional.empty();
    }

    /**
     * The indexed name closest to what was typed, when it is close enough to be a typo or a part of the name: a few
     * edits (adjacent swaps count once, "JSN" → "JNS") or a whole word of it ("jewish insider" for "Insider").
     */
    static Optional<String> nearest(String typed, List<String> names) {
        String t = typed.toLowerCase(Locale.ROOT);
        int allowed = t.length() <= 4 ? 1 : Math.max(2, t.length() / 4);
        Optional<String> close = names.stream()
                .filter(n -> distance(t, n.toLowerCase(Locale.ROOT)) <= allowed)
                .min(Comparator.comparingInt(n -> distance(t, n.toLowerCase(Locale.ROOT))));
        if (close.isPresent()) return close;
        // names come most covered first, so the first containing the typed word is the likelier one
        return t.length() < 3 ? Optional.empty()
                : names.stream().filter(n -> List.of(n.toLowerCase(Locale.ROOT).split("\\s+")).contains(t)).findFirst();
    }

    /** Optimal string alignment distance: Levenshtein plus adjacent transpositions. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
