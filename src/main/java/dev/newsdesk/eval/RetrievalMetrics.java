package dev.newsdesk.eval;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * MultiHop-RAG's retrieval metrics, a line-by-line port of {@code calculate_metrics} in the benchmark's
 * {@code retrieval_evaluate.py} (yixuantt/MultiHop-RAG), plus evidence recall. Pure functions, thread-safe.
 *
 * <p>Relevance: both the gold facts and the retrieved texts lose every U+0020 space and every {@code '\n'}
 * (nothing else: tabs, {@code '\r'} and no-break spaces stay, as in the script); a passage is relevant when
 * at least one whole normalised gold fact is a substring of it. The passage text is what the caller scores:
 * the benchmark scores chunk text prefixed with its metadata header (see {@link MultiHopCorpus#header}).
 */
public final class RetrievalMetrics {
    /** Cut-off of every metric: the script scores ranks 1..10. */
    public static final int DEPTH = 10;

    private RetrievalMetrics() {
    }

    /** One query to score: its type, its ranked passage texts (best first) and its gold facts. */
    public record Ranked(String type, List<String> passages, List<String> goldFacts) {
        public Ranked {
            Objects.requireNonNull(type, "type");
            passages = List.copyOf(passages);
            goldFacts = List.copyOf(goldFacts);
        }
    }

    /**
     * Per-query figures.
     *
     * @param firstRelevantRank 1-based rank of the first relevant passage within the top 10, 0 when none
     * @param averagePrecision the benchmark's AP: sum over relevant ranks r of (gold facts first found at r) / r,
     *                         divided by min(number of gold facts, 10)
     * @param goldFacts distinct normalised gold facts
     * @param foundFacts distinct normalised gold facts contained in some passage of the top 10
     */
    public record QueryMetrics(String type, boolean hit4, boolean hit10, int firstRelevantRank, double reciprocalRank,
                               double averagePrecision, int goldFacts, int foundFacts) {
        public double evidenceRecall() {
            return goldFacts == 0 ? 0 : (double) foundFacts / goldFacts;
        }

        public boolean allEvidence() {
            return goldFacts > 0 && foundFacts == goldFacts;
        }
    }

    /** Deletes every U+0020 space and every line feed, exactly as the script's {@code replace(" ", "").replace("\n", "")}. */
    public static String normalize(String text) {
        return text == null ? "" : text.replace(" ", "").replace("\n", "");
    }

    /** True when some whole gold fact, both normalised, is a substring of the passage. */
    public static boolean isRelevant(String passage, List<String> goldFacts) {
        String p = normalize(passage);
        return goldFacts.stream().map(RetrievalMetrics::normalize).anyMatch(p::contains);
    }

    /**
     * Scores one query as {@code calculate_metrics} does for one (retrieved, gold) pair.
     *
     * @param passages ranked texts, best first; only the first {@link #DEPTH} count
     * @throws IllegalArgumentException when {@code goldFacts} is empty: the script would divide by zero, which
     *                                  is why it drops null queries before scoring
     */
    public static QueryMetrics score(String type, List<String> passages, List<String> goldFacts) {
        if (goldFacts.isEmpty()) {
            throw new IllegalArgumentException("a " + type + " query without gold facts cannot be scored;"
                    + " the benchmark skips null_query before scoring");
        }
        List<String> gold = goldFacts.stream().map(RetrievalMetrics::normalize).toList();
        boolean hit4 = false;
        boolean hit10 = false;
        int firstRelevant = 0;
        double precisionSum = 0;
        List<String> found = new ArrayList<>();
        int depth = Math.min(passages.size(), DEPTH);
        for (int rank = 1; rank <= depth; rank++) {
            String item = normalize(passages.get(rank - 1));
            if (gold.stream().noneMatch(item::contains)) continue;
            hit10 = true;
            if (firstRelevant == 0) firstRelevant = rank;
            if (rank <= 4) hit4 = true;
            // The script's "precision at this rank" counts only gold facts not found at an earlier rank, so a
            // relevant passage that repeats known facts adds 0, and one holding two new facts adds 2/rank.
            int count = 0;
            for (String g : gold) {
                if (item.contains(g) && !found.contains(g)) {
                    count++;
                    found.add(g);
                }
            }
            precisionSum += (double) count / rank;
        }
        double ap = precisionSum / Math.min(gold.size(), DEPTH);
        double rr = firstRelevant == 0 ? 0 : 1.0 / firstRelevant;
        return new QueryMetrics(type, hit4, hit10, firstRelevant, rr, ap, new LinkedHashSet<>(gold).size(), found.size());
    }

    /**
     * Scores every query except {@code null_query} ones (the script's {@code main_eval} skips them) and
     * averages overall and per type.
     */
    public static MetricReport evaluate(List<Ranked> queries) {
        List<QueryMetrics> scored = new ArrayList<>();
        for (Ranked q : queries) {
            if (MultiHopQueries.NULL_QUERY.equals(q.type())) continue;
            scored.add(score(q.type(), q.passages(), q.goldFacts()));
        }
        return aggregate(scored);
    }

    /** Means over the given per-query figures, overall and per type (in {@link MultiHopQueries#TYPES} order). */
    public static MetricReport aggregate(List<QueryMetrics> scored) {
        Map<String, List<QueryMetrics>> groups = new LinkedHashMap<>();
        for (String type : MultiHopQueries.TYPES) groups.put(type, new ArrayList<>());
        for (QueryMetrics m : scored) groups.computeIfAbsent(m.type(), t -> new ArrayList<>()).add(m);
        Map<String, MetricReport> byType = new LinkedHashMap<>();
        groups.forEach((type, list) -> {
            if (!list.isEmpty()) byType.put(type, means(list, Map.of()));
        });
        return means(scored, byType);
    }

    /**
     * How many distinct gold facts of the non-null queries occur whole in at least one indexed passage.
     *
     * @param missing the uncovered facts, as in the query file, in query order
     */
    public record Coverage(int facts, int covered, List<String> missing) {
        public Coverage {
            missing = List.copyOf(missing);
        }

        public double share() {
            return facts == 0 ? 0 : (double) covered / facts;
        }
    }

    /**
     * The ceiling that a chunking puts on evidence recall: a fact split across two passages, or damaged by
     * cleaning, can never be found. Pass every indexed passage text (header optional: facts lie in bodies).
     * Cost: facts x passages substring tests (537 distinct facts x about 6,000 passages for MultiHop-RAG dev: well under a second).
     */
    public static Coverage factCoverage(List<MultiHopQuery> queries, Collection<String> passages) {
        List<String> texts = passages.stream().map(RetrievalMetrics::normalize).toList();
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        List<String> missing = new ArrayList<>();
        int covered = 0;
        for (MultiHopQuery q : queries) {
            if (q.isNull()) continue;
            for (String fact : q.evidenceFacts()) {
                String f = normalize(fact);
                if (!seen.add(f)) continue;
                if (texts.stream().anyMatch(t -> t.contains(f))) covered++;
                else missing.add(fact);
            }
        }
        return new Coverage(seen.size(), covered, missing);
    }

    private static MetricReport means(List<QueryMetrics> list, Map<String, MetricReport> byType) {
        int n = list.size();
        if (n == 0) return new MetricReport(0, 0, 0, 0, 0, 0, 0, byType);
        // Sums run in query order, like Python's sum(), so the doubles match the script's.
        int hits4 = 0;
        int hits10 = 0;
        int all = 0;
        double rr = 0;
        double ap = 0;
        double recall = 0;
        for (QueryMetrics m : list) {
            hits4 += m.hit4() ? 1 : 0;
            hits10 += m.hit10() ? 1 : 0;
            all += m.allEvidence() ? 1 : 0;
            rr += m.reciprocalRank();
            ap += m.averagePrecision();
            recall += m.evidenceRecall();
        }
        return new MetricReport((double) hits4 / n, (double) hits10 / n, rr / n, ap / n, recall / n, (double) all / n, n,
                byType);
    }
}
