package dev.newsdesk.retrieve;

import dev.newsdesk.ingest.SentenceSplitter;
import dev.newsdesk.ingest.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Second stage over the head of a fused ranking: each passage is rescored by its best window of consecutive
 * sentences, the share of the question's idf-weighted terms that window (with the headline) contains, mixed with
 * the passage's fused rank. BM25 scores a whole 256-token passage, so an article's passages that mention the
 * question's words here and there score like the one sentence pair that states the fact; a window rewards the
 * passage where the question's terms sit together, which is usually the one carrying the evidence.
 *
 * <p>Backend-independent (a {@link Lexicon} analyzes and weighs terms); thread-safe when the lexicon is.
 */
public final class SentenceWindowReranker {
    /**
     * @param depth how many of the fused list's first passages are rescored; the rest keep their order below them
     * @param window consecutive sentences scored together (an evidence fact is usually one or two sentences)
     * @param weight weight of the window's coverage (0..1) against the fused rank's 1/(1 + rank)
     */
    public record Settings(int depth, int window, double weight) {
        /**
         * Measured on MultiHop-RAG dev (docs/benchmarks.md): window 2 lifted evidence recall@10 by ~0.7 points and
         * all-evidence@10 by ~1.7 without costing Hits@4 or MRR@10; window 1 or 3 are within noise of it, coverage of
         * the whole passage instead of a window gained nothing. Depth 20 scores as 30 and 50 do at two thirds of the
         * cost (analysis of the passages' sentences is the rerank's whole cost); 10 and 15 lose a little. Weight 0.8:
         * once each part also fuses a sentence-level list, weights 0.7 to 1.5 all keep Hits@10 at 0.970-0.971 where
         * 0.5 (the best before) drops it to 0.966; 0.8 sits inside that plateau.
         */
        public static final Settings DEFAULTS = new Settings(20, 2, 0.8);

        public Settings {
            if (depth < 1 || window < 1 || weight < 0) {
                throw new IllegalArgumentException("depth " + depth + " and window " + window
                        + " must be at least 1 and weight " + weight + " not negative");
            }
        }
    }

    private final Lexicon lexicon;
    /** The sentences ingest packs into passages, so a window never straddles what ingest calls one sentence. */
    private final SentenceSplitter splitter = new SentenceSplitter();
    private final Settings settings;

    public SentenceWindowReranker(Lexicon lexicon, Settings settings) {
        this.lexicon = lexicon;
        this.settings = settings;
    }

    /**
     * @param question the question with the outlet names it cites blanked out (they are filters, not evidence)
     * @param fused best first
     * @return the same hits, the first {@code depth} reordered, each with its new score
     */
    public List<Hit> rerank(String question, List<Hit> fused) {
        int n = Math.min(settings.depth(), fused.size());
        if (n < 2 || settings.weight() == 0) return fused;
        Map<String, Double> idf = new HashMap<>();
        for (String t : new LinkedHashSet<>(lexicon.queryTerms(question))) idf.put(t, lexicon.idf(t));
        double total = idf.values().stream().mapToDouble(Double::doubleValue).sum();
        if (total <= 0) return fused;
        List<Hit> head = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Hit h = fused.get(i);
            head.add(h.withScore(1.0 / (1 + i) + settings.weight() * bestWindow(h, idf) / total));
        }
        head.sort((a, b) -> a.score() != b.score() ? Double.compare(b.score(), a.score()) : a.passageId().compareTo(b.passageId()));
        List<Hit> out = new ArrayList<>(fused.size());
        out.addAll(head);
        out.addAll(fused.subList(n, fused.size()));
        return out;
    }

    /** The idf mass of question terms found in the best window of consecutive sentences plus the headline. */
    private double bestWindow(Hit h, Map<String, Double> idf) {
        List<String> title = h.title() == null ? List.of() : lexicon.terms(h.title());
        List<List<String>> terms = new ArrayList<>();
        for (Span s : splitter.split(h.text())) terms.add(lexicon.terms(h.text().substring(s.start(), s.end())));
        if (terms.isEmpty()) terms.add(List.of());
        double best = 0;
        int last = Math.max(1, terms.size() - settings.window() + 1);
        for (int a = 0; a < last; a++) {
            Set<String> have = new HashSet<>(title);
            for (int b = a; b < Math.min(terms.size(), a + settings.window()); b++) have.addAll(terms.get(b));
            double mass = 0;
            for (var e : idf.entrySet()) if (have.contains(e.getKey())) mass += e.getValue();
            best = Math.max(best, mass);
        }
        return best;
    }
}
