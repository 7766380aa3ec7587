package dev.newsdesk.coverage;

import dev.newsdesk.answer.Citation;
import dev.newsdesk.retrieve.Hit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers citations 1..n in order of first use; citing the same sentence span twice reuses its number. Each
 * citation quotes exactly one sentence, with offsets into the cleaned article text. Not thread-safe (one per answer).
 */
final class CitationList {
    private final Map<String, Citation> byKey = new LinkedHashMap<>();

    int cite(CoverageSentence s) {
        Citation c = byKey.get(s.key());
        if (c != null) return c.n();
        Hit h = s.hit();
        c = new Citation(byKey.size() + 1, h.articleId(), h.passageId(), h.outlet(), h.title(), h.published(), h.url(),
                s.text(), s.start(), s.end());
        byKey.put(s.key(), c);
        return c.n();
    }

    /** Citation markers "[1][3]" for the given sentences, in order, each number once. */
    String markers(List<CoverageSentence> sentences, List<Integer> numbers) {
        StringBuilder out = new StringBuilder();
        for (CoverageSentence s : sentences) {
            int n = cite(s);
            if (numbers.contains(n)) continue;
            numbers.add(n);
            out.append('[').append(n).append(']');
        }
        return out.toString();
    }

    List<Citation> all() {
        return new ArrayList<>(byKey.values());
    }

    static String markers(List<Integer> numbers) {
        StringBuilder out = new StringBuilder();
        for (int n : numbers) out.append('[').append(n).append(']');
        return out.toString();
    }
}
