package dev.newsdesk.retrieve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Weighted reciprocal rank fusion (Cormack et al.): a passage at rank {@code r} (0-based) of list {@code i} earns
 * {@code weights[i] / (k + r + 1)}, summed over the lists that hold it. The one fusion both {@link HybridRetriever}
 * (whole-question lexical and dense lists, k=60) and {@link PlannedRetriever} (a list per planned part, k=2) use.
 * Weighted rather than LangChain4j's unweighted {@code ReciprocalRankFuser}: a part restricted to one outlet or date,
 * or a small dense model, is a hint, not an equal vote. Backend-independent: works on {@link Hit}s only.
 */
public final class RankFusion {
    private RankFusion() {}

    /**
     * @param lists   ranked lists, best first; fused in this order, so the result does not depend on which search
     *                finished first
     * @param weights one weight per list
     * @param k       the rank constant: small when each list looks for different evidence, large when all answer
     *                the same question and agreement further down should count
     * @return every passage of every list once, best fused score first, ties broken by passage id; each hit is the
     * first list's copy (so a passage list's snippet wins over a sentence list's), with the fused score
     */
    public static List<Hit> fuse(List<List<Hit>> lists, List<Double> weights, int k) {
        if (lists.size() != weights.size()) {
            throw new IllegalArgumentException(lists.size() + " lists but " + weights.size() + " weights; give one weight per list");
        }
        Map<String, Double> fused = new LinkedHashMap<>();
        Map<String, Hit> byId = new HashMap<>();
        for (int i = 0; i < lists.size(); i++) {
            List<Hit> hits = lists.get(i);
            double weight = weights.get(i);
            for (int r = 0; r < hits.size(); r++) {
                Hit h = hits.get(r);
                fused.merge(h.passageId(), weight / (k + r + 1), Double::sum);
                byId.putIfAbsent(h.passageId(), h);
            }
        }
        List<Hit> ranked = new ArrayList<>(fused.size());
        for (var e : fused.entrySet()) ranked.add(byId.get(e.getKey()).withScore(e.getValue()));
        ranked.sort((a, b) -> a.score() != b.score() ? Double.compare(b.score(), a.score()) : a.passageId().compareTo(b.passageId()));
        return ranked;
    }

    /**
     * Equal scores in passage-id order. BM25 ties are common deep in a list, and each engine breaks them by its own
     * document order (one Lucene index by doc id, a cluster by shard): fused by rank, those orders would move
     * passages in and out of the top 10. Ordered by id, both backends fuse the same ranks.
     */
    public static List<Hit> tiesById(List<Hit> hits) {
        List<Hit> sorted = new java.util.ArrayList<>(hits);
        sorted.sort(java.util.Comparator.comparingDouble(Hit::score).reversed().thenComparing(Hit::passageId));
        return sorted;
    }
}
