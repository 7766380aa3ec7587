package dev.newsdesk.coverage;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.newsdesk.ingest.SentenceSplitter;
import dev.newsdesk.ingest.Span;
import dev.newsdesk.retrieve.Hit;
import dev.newsdesk.retrieve.Lexicon;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns retrieved passages into groups of sentences that report the same thing.
 *
 * <p>Steps, each bounded so that 5,000 passages stay well under two seconds on two cores: split every passage into
 * sentences and keep the {@code sentencesPerPassage} most topical ones; keep the {@code maxSentences} most topical
 * overall; represent each as a unit sparse vector of idf-weighted analyzed terms (topic terms down-weighted, bare
 * numbers left out so that "300 drones" and "350 drones" still group); then one greedy pass, most topical first:
 * a sentence joins the group whose centroid is most similar (at least the threshold), else founds a new group.
 * Candidate groups come from an inverted index over the groups' terms (terms held by very many groups are
 * skipped): the shared weight is summed over postings and only the top few candidates are compared exactly, so
 * there is no all-pairs comparison.
 *
 * <p>With an embedding model, the most topical {@code maxEmbedded} sentences are also embedded and similarity is
 * the mean of lexical and embedding cosine. Thread-safe: every run keeps its state on the stack.
 */
public final class Grouper {
    /** Posting lists longer than this are not scanned for candidates: such terms are too common to tell. */
    private static final int MAX_POSTINGS = 400;
    /** Groups sharing the most weight with a sentence that are compared with it exactly. */
    private static final int CANDIDATES = 12;

    private final Lexicon lexicon;
    private final SentenceSplitter splitter;
    private final EmbeddingModel embeddings;
    private final CoverageSettings settings;

    /** @param embeddings in-process embedding model, or null for lexical similarity only (fast at any scale) */
    public Grouper(Lexicon lexicon, SentenceSplitter splitter, EmbeddingModel embeddings, CoverageSettings settings) {
        this.lexicon = lexicon;
        this.splitter = splitter;
        this.embeddings = embeddings;
        this.settings = settings == null ? CoverageSettings.DEFAULTS : settings;
    }

    public CoverageSettings settings() {
        return settings;
    }

    /** The groups, largest spread first (distinct outlets, then articles, then relevance). */
    public List<SentenceGroup> group(String topic, List<Hit> hits) {
        Run run = new Run();
        Map<String, Double> topicWeights = new HashMap<>();
        for (String t : new LinkedHashSet<>(lexicon.queryTerms(topic))) topicWeights.put(t, run.idf(t));
        double total = topicWeights.values().stream().mapToDouble(Double::doubleValue).sum();
        if (hits.isEmpty() || total == 0) return List.of();

        List<CoverageSentence> candidates = candidates(hits, topicWeights, total, run);
        candidates.sort(Comparator.comparingDouble(CoverageSentence::relevance).reversed()
                .thenComparing(CoverageSentence::key));
        if (candidates.size() > settings.maxSentences()) candidates = candidates.subList(0, settings.maxSentences());
        if (embeddings != null) candidates = embed(candidates);
        return cluster(candidates, run);
    }

    /** Per-run caches: term ids and idf (a Lexicon idf look-up goes to the index). */
    private final class Run {
        final Map<String, Integer> ids = new HashMap<>();
        final List<Double> idfs = new ArrayList<>();
        final Map<String, Double> idfByTerm = new HashMap<>();

        double idf(String term) {
            return idfByTerm.computeIfAbsent(term, lexicon::idf);
        }

        int id(String term) {
            Integer id = ids.get(term);
            if (id == null) {
                id = ids.size();
                ids.put(term, id);
                idfs.add(idf(term));
            }
            return id;
        }
    }

    private List<CoverageSentence> candidates(List<Hit> hits, Map<String, Double> topicWeights, double total, Run run) {
        List<CoverageSentence> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> prefixes = topicWeights.keySet().stream().map(Grouper::prefix).distinct().toList();
        for (Hit hit : hits) {
            String text = hit.text();
            if (text == null || text.isBlank()) continue;
            String lower = text.toLowerCase(java.util.Locale.ROOT);
            List<Span> spans = splitter.split(text);
            List<CoverageSentence> mine = new ArrayList<>();
            List<List<String>> termLists = new ArrayList<>();
            Set<String> passageTerms = new HashSet<>();
            List<Span> kept = new ArrayList<>();
            for (Span span : spans) {
                String s = text.substring(span.start(), span.end());
                if (!statementLike(s) || !mentions(lower, span, prefixes)) continue;
                List<String> terms = lexicon.terms(s);
                passageTerms.addAll(terms);
                termLists.add(terms);
                kept.add(span);
            }
            double passageCoverage = coverage(topicWeights, passageTerms) / total;
            for (int i = 0; i < kept.size(); i++) {
                Span span = kept.get(i);
                Set<String> terms = new LinkedHashSet<>(termLists.get(i));
                double c = coverage(topicWeights, terms) / total;
                if (c == 0) continue;
                CoverageSentence cs = vectorise(hit, span, text, terms, topicWeights, 0.7 * c + 0.3 * passageCoverage, run);
                if (cs != null) mine.add(cs);
            }
            mine.sort(Comparator.comparingDouble(CoverageSentence::relevance).reversed());
            for (CoverageSentence cs : mine.subList(0, Math.min(mine.size(), settings.sentencesPerPassage()))) {
                // the same sentence twice in one article (a duplicated caption) counts once
                if (seen.add(cs.articleId() + "\u0000" + cs.text())) out.add(cs);
            }
        }
        return out;
    }

    /**
     * A cheap test before analysis (the costly step at scale): a stem of a topic word is, but for a final "i" for
     * "y", a prefix of the words it comes from, so a sentence holding none of these prefixes has no topic term.
     */
    static String prefix(String stem) {
        return stem.length() <= 3 ? stem : stem.substring(0, Math.min(5, stem.length() - 1));
    }

    private static boolean mentions(String lower, Span span, List<String> prefixes) {
        for (String p : prefixes) {
            int at = lower.indexOf(p, span.start());
            if (at >= 0 && at + p.length() <= span.end()) return true;
        }
        return false;
    }

    private CoverageSentence vectorise(Hit hit, Span span, String text, Set<String> terms,
                                       Map<String, Double> topicWeights, double relevance, Run run) {
        int n = 0;
        int[] ids = new int[terms.size()];
        float[] w = new float[terms.size()];
        double norm = 0;
        for (String t : terms) {
            if (isNumber(t)) continue;
            double weight = run.idf(t) * (topicWeights.containsKey(t) ? settings.topicWeight() : 1.0);
            ids[n] = run.id(t);
            w[n] = (float) weight;
            norm += weight * weight;
            n++;
        }
        if (n == 0 || norm == 0) return null;
        float inv = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < n; i++) w[i] *= inv;
        return new CoverageSentence(hit, hit.start() + span.start(), hit.start() + span.end(),
                text.substring(span.start(), span.end()), relevance, Arrays.copyOf(ids, n), Arrays.copyOf(w, n), null);
    }

    private static boolean isNumber(String term) {
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (!Character.isDigit(c) && c != '.' && c != ',') return false;
        }
        return true;
    }

    private static double coverage(Map<String, Double> weights, Set<String> terms) {
        double sum = 0;
        for (var e : weights.entrySet()) if (terms.contains(e.getKey())) sum += e.getValue();
        return sum;
    }

    /** Statements worth reporting: not questions, not headline fragments or captions of a few words, not walls of text. */
    static boolean statementLike(String s) {
        if (s.endsWith("?")) return false;
        int words = 1;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == ' ') words++;
        if (words < 6 || words > 70) return false;
        char last = s.charAt(s.length() - 1);
        return last == '.' || last == '"' || last == '”' || last == '’' || last == '\'' || last == ')' || last == '!';
    }

    private List<CoverageSentence> embed(List<CoverageSentence> candidates) {
        int n = Math.min(candidates.size(), settings.maxEmbedded());
        if (n == 0) return candidates;
        List<TextSegment> segments = candidates.subList(0, n).stream().map(s -> TextSegment.from(s.text())).toList();
        List<Embedding> vectors = embeddings.embedAll(segments).content();
        List<CoverageSentence> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            CoverageSentence s = candidates.get(i);
            float[] v = vectors.get(i).vector();
            double norm = 0;
            for (float x : v) norm += x * x;
            float inv = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
            float[] unit = new float[v.length];
            for (int j = 0; j < v.length; j++) unit[j] = v[j] * inv;
            out.add(new CoverageSentence(s.hit(), s.start(), s.end(), s.text(), s.relevance(), s.termIds(), s.weights(), unit));
        }
        return out; // sentences past maxEmbedded are dropped: mixing embedded and bare sentences would skew similarity
    }

    private List<SentenceGroup> cluster(List<CoverageSentence> sentences, Run run) {
        List<SentenceGroup> groups = new ArrayList<>();
        Map<Integer, List<Integer>> postings = new HashMap<>(); // term id -> groups holding it
        double[] shared = new double[Math.max(16, sentences.size())];
        List<Integer> touched = new ArrayList<>();
        for (CoverageSentence s : sentences) {
            // shared weight with every group that has one of the sentence's terms (common terms skipped)
            int[] ids = s.termIds();
            float[] w = s.weights();
            for (int i = 0; i < ids.length; i++) {
                List<Integer> list = postings.get(ids[i]);
                if (list == null || list.size() > MAX_POSTINGS) continue;
                for (int g : list) {
                    if (shared[g] == 0) touched.add(g);
                    shared[g] += w[i];
                }
            }
            touched.sort((a, b) -> Double.compare(shared[b], shared[a]));
            SentenceGroup best = null;
            int bestIndex = -1;
            double bestSim = 0;
            for (int k = 0; k < Math.min(CANDIDATES, touched.size()); k++) {
                SentenceGroup g = groups.get(touched.get(k));
                double sim = similarity(g, s);
                if (sim > bestSim) {
                    bestSim = sim;
                    best = g;
                    bestIndex = touched.get(k);
                }
            }
            for (int g : touched) shared[g] = 0;
            touched.clear();
            double threshold = s.dense() != null ? settings.blendedThreshold() : settings.lexicalThreshold();
            int index;
            if (best == null || bestSim < threshold) {
                best = new SentenceGroup(s);
                groups.add(best);
                index = groups.size() - 1;
            } else {
                best.add(s);
                index = bestIndex;
            }
            for (int term : ids) {
                if (best.markIndexed(term)) postings.computeIfAbsent(term, k -> new ArrayList<>()).add(index);
            }
        }
        groups.sort(Comparator.comparingInt((SentenceGroup g) -> g.outlets().size()).reversed()
                .thenComparing(Comparator.comparingInt((SentenceGroup g) -> g.articles().size()).reversed())
                .thenComparing(Comparator.comparingDouble(SentenceGroup::relevance).reversed())
                .thenComparing(g -> g.central().key()));
        return groups;
    }

    private static double similarity(SentenceGroup g, CoverageSentence s) {
        double lexical = g.lexicalSimilarity(s);
        double dense = g.denseSimilarity(s);
        return Double.isNaN(dense) ? lexical : 0.5 * lexical + 0.5 * dense;
    }

}
