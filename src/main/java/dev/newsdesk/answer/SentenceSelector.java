package dev.newsdesk.answer;

import dev.newsdesk.retrieve.Hit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses the answer's sentences from the candidates: greedy with diminishing returns, in the manner of maximal
 * marginal relevance. A sentence earns most for question terms not yet covered, and loses weight when its article (or
 * outlet) already supplied one, so answers draw on several articles where the coverage allows.
 */
final class SentenceSelector {
    private final ExtractiveAnswerer.Settings settings;

    SentenceSelector(ExtractiveAnswerer.Settings settings) {
        this.settings = settings;
    }

    /** How far down the retrieval order a passage sits is worth less the further it is, gently. */
    private static final double RANK_DAMPING = 60;

    /**
     * A passage's standing from its rank in the retrieval order, (D+1)/(D+1+rank): 1 for the first, ~0.86 for the
     * tenth. From the rank rather than the score, because scores are a retriever's own scale (a fusion constant
     * changes how fast they fall) while the order is what every retriever promises.
     */
    private static Map<String, Double> rankStanding(List<SentenceCandidate> candidates) {
        List<Hit> hits = candidates.stream().map(SentenceCandidate::hit).distinct()
                .sorted((a, b) -> Double.compare(b.score(), a.score())).toList();
        Map<String, Double> out = new HashMap<>();
        for (Hit h : hits) out.putIfAbsent(h.passageId(), (RANK_DAMPING + 1) / (RANK_DAMPING + 1 + out.size()));
        return out;
    }

    List<SentenceCandidate> select(List<SentenceCandidate> candidates, QuestionTerms question) {
        Map<String, Double> weights = question.weights();
        double total = question.total();
        Map<String, Double> standing = rankStanding(candidates);
        List<SentenceCandidate> chosen = new ArrayList<>();
        Set<String> covered = new HashSet<>();
        Map<String, Integer> perArticle = new HashMap<>();
        Map<String, Integer> perOutlet = new HashMap<>();
        Set<String> usedSpans = new HashSet<>();
        double first = -1;
        while (chosen.size() < settings.maxSentences()) {
            SentenceCandidate best = null;
            double bestScore = 0;
            for (SentenceCandidate c : candidates) {
                if (usedSpans.contains(c.hit().articleId() + "@" + c.start())) continue;
                double fresh = 0;
                for (var e : weights.entrySet()) {
                    if (c.terms().contains(e.getKey()) && !covered.contains(e.getKey())) fresh += e.getValue();
                }
                double score = 0.45 * c.coverage() + 0.35 * (fresh / total) + 0.2 * c.passageCoverage();
                // Retrieval carries what word overlap cannot see (the period or outlet asked about): weigh by the
                // passage's standing in the retrieval order.
                score *= 0.5 + 0.5 * standing.getOrDefault(c.hit().passageId(), 0.0);
                score *= Math.pow(0.6, perArticle.getOrDefault(c.hit().articleId(), 0));
                score *= Math.pow(0.85, perOutlet.getOrDefault(c.hit().outlet(), 0));
                if (redundant(c, chosen)) score = 0;
                if (score > bestScore) {
                    bestScore = score;
                    best = c;
                }
            }
            if (best == null) break;
            if (first < 0) first = bestScore;
            else if (bestScore < settings.relativeCutoff() * first) break;
            chosen.add(best);
            usedSpans.add(best.hit().articleId() + "@" + best.start());
            covered.addAll(best.terms());
            perArticle.merge(best.hit().articleId(), 1, Integer::sum);
            perOutlet.merge(best.hit().outlet(), 1, Integer::sum);
        }
        return chosen;
    }

    /** Near-identical sentences (the same wire copy in two outlets) add nothing the first did not. */
    private static boolean redundant(SentenceCandidate c, List<SentenceCandidate> chosen) {
        for (SentenceCandidate o : chosen) {
            Set<String> inter = new HashSet<>(c.terms());
            inter.retainAll(o.terms());
            int union = c.terms().size() + o.terms().size() - inter.size();
            if (union > 0 && (double) inter.size() / union > 0.7) return true;
        }
        return false;
    }
}
