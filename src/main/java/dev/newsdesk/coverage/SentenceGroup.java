package dev.newsdesk.coverage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sentences that report the same thing, across articles, with a running centroid (sparse idf-weighted terms, plus
 * a dense embedding when one is in use). Not thread-safe: built by one {@link Grouper} run.
 */
public final class SentenceGroup {
    private final List<CoverageSentence> members = new ArrayList<>();
    private final Map<Integer, Float> centroid = new HashMap<>();
    private double normSq;
    private float[] denseSum;
    private final Set<Integer> indexedTerms = new java.util.HashSet<>();

    SentenceGroup(CoverageSentence first) {
        add(first);
    }

    void add(CoverageSentence s) {
        members.add(s);
        int[] ids = s.termIds();
        float[] w = s.weights();
        for (int i = 0; i < ids.length; i++) {
            float old = centroid.getOrDefault(ids[i], 0f);
            float now = old + w[i];
            centroid.put(ids[i], now);
            normSq += (double) now * now - (double) old * old;
        }
        if (s.dense() != null) {
            if (denseSum == null) denseSum = new float[s.dense().length];
            for (int i = 0; i < denseSum.length; i++) denseSum[i] += s.dense()[i];
        }
    }

    /** Terms of this group already posted in the grouper's inverted index; returns true if newly added. */
    boolean markIndexed(int term) {
        return indexedTerms.add(term);
    }

    /** Cosine between a sentence's sparse vector and the centroid. */
    double lexicalSimilarity(CoverageSentence s) {
        if (normSq <= 0) return 0;
        int[] ids = s.termIds();
        float[] w = s.weights();
        double dot = 0;
        for (int i = 0; i < ids.length; i++) {
            Float c = centroid.get(ids[i]);
            if (c != null) dot += w[i] * c;
        }
        return dot / Math.sqrt(normSq); // sentence vectors are unit length
    }

    /** Cosine between a sentence's embedding and the mean embedding, or NaN when there are no embeddings. */
    double denseSimilarity(CoverageSentence s) {
        if (denseSum == null || s.dense() == null) return Double.NaN;
        double dot = 0;
        double norm = 0;
        for (int i = 0; i < denseSum.length; i++) {
            dot += denseSum[i] * s.dense()[i];
            norm += denseSum[i] * denseSum[i];
        }
        return norm == 0 ? 0 : dot / Math.sqrt(norm); // embeddings are unit length
    }

    public List<CoverageSentence> members() {
        return List.copyOf(members);
    }

    public Set<String> outlets() {
        Set<String> out = new LinkedHashSet<>();
        for (CoverageSentence s : byDate()) out.add(s.outlet());
        return out;
    }

    public Set<String> articles() {
        Set<String> out = new LinkedHashSet<>();
        for (CoverageSentence s : byDate()) out.add(s.articleId());
        return out;
    }

    public LocalDate earliest() {
        return members.stream().map(CoverageSentence::published).filter(d -> d != null).min(Comparator.naturalOrder()).orElse(null);
    }

    public double relevance() {
        return members.stream().mapToDouble(CoverageSentence::relevance).max().orElse(0);
    }

    /** Members ordered by publication date (undated last), then by relevance. */
    public List<CoverageSentence> byDate() {
        List<CoverageSentence> sorted = new ArrayList<>(members);
        sorted.sort(Comparator.comparing(CoverageSentence::published, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Comparator.comparingDouble(CoverageSentence::relevance).reversed())
                .thenComparing(CoverageSentence::key));
        return sorted;
    }

    /**
     * The most central member: highest similarity to the centroid (lexical, blended with dense when present),
     * ties to the more relevant, then the earlier.
     */
    public CoverageSentence central() {
        return best(members);
    }

    /** The most central member among one article's sentences (or one outlet's, with {@code byOutlet}). */
    CoverageSentence centralOf(String key, boolean byOutlet) {
        List<CoverageSentence> of = members.stream()
                .filter(s -> (byOutlet ? s.outlet() : s.articleId()).equals(key)).toList();
        return of.isEmpty() ? null : best(of);
    }

    private CoverageSentence best(List<CoverageSentence> from) {
        CoverageSentence best = null;
        double bestScore = -1;
        for (CoverageSentence s : from) {
            double c = lexicalSimilarity(s);
            double d = denseSimilarity(s);
            double score = (Double.isNaN(d) ? c : 0.5 * c + 0.5 * d) + 0.25 * s.relevance();
            if (score > bestScore + 1e-9 || (Math.abs(score - bestScore) <= 1e-9 && best != null
                    && s.key().compareTo(best.key()) < 0)) {
                bestScore = score;
                best = s;
            }
        }
        return best;
    }

    int size() {
        return members.size();
    }
}
