package dev.newsdesk.answer;

import dev.newsdesk.ingest.SentenceSplitter;
import dev.newsdesk.ingest.Span;
import dev.newsdesk.retrieve.Hit;
import dev.newsdesk.retrieve.Lexicon;
import dev.newsdesk.retrieve.Retriever;
import dev.newsdesk.retrieve.SearchRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The offline answerer: one to four sentences copied verbatim from the best passages, each with its citation. It
 * cannot misquote by construction, so its only failure mode is picking the wrong sentences or answering when it
 * should not; both are measured on MultiHop-RAG (docs/benchmarks.md).
 *
 * <p>Scoring: a sentence's worth is the share of the question's idf-weighted terms it contains, blended with the
 * share its whole passage contains (context that makes the sentence relevant). Selection is greedy with
 * diminishing returns, in the manner of maximal marginal relevance: a sentence earns most for question terms not yet
 * covered, and loses weight when its article (or outlet) already supplied one, so answers draw on several
 * articles where the coverage allows. It abstains when the best passage covers too little of the question.
 */
public final class ExtractiveAnswerer implements Answerer {
    public static final String NAME = "extractive";

    private final Retriever retriever;
    private final Lexicon lexicon;
    private final SentenceSplitter splitter;
    private final Settings settings;
    private final EvidenceGate gate;

    /**
     * @param candidates passages considered
     * @param maxSentences most sentences in an answer
     * @param minPassageCoverage abstain when no passage holds this share of the question's weighted terms
     * @param minSentenceCoverage abstain when no sentence holds this share
     * @param relativeCutoff stop adding sentences scoring below this fraction of the first one
     */
    public record Settings(int candidates, int maxSentences, double minPassageCoverage, double minSentenceCoverage,
                           double relativeCutoff) {
        /**
         * Thresholds measured on MultiHop-RAG dev (docs/benchmarks.md): with the evidence gate, a best sentence
         * holding under 12% of the question's weighted terms marks a question the coverage does not answer.
         */
        public static final Settings DEFAULTS = new Settings(20, 4, 0.0, 0.12, 0.35);
    }

    /** @param gate decides up front whether the coverage can answer at all, or null for coverage thresholds only */
    public ExtractiveAnswerer(Retriever retriever, Lexicon lexicon, SentenceSplitter splitter, Settings settings,
                              EvidenceGate gate) {
        this.retriever = retriever;
        this.lexicon = lexicon;
        this.splitter = splitter;
        this.settings = settings;
        this.gate = gate;
    }

    /** @param rank the passage's place in the retrieval (which already weighed outlets, dates and parts) */
    private record Candidate(Hit hit, int rank, int start, int end, String text, Set<String> terms, double coverage,
                             double passageCoverage) {}

    @Override
    public Answer answer(Question question) {
        List<Hit> hits = retriever.search(new SearchRequest(question.text(), question.filters(), settings.candidates()));
        if (gate != null) {
            var reason = gate.reasonToAbstain(question.text());
            if (reason.isPresent()) return abstain(question, hits, reason.get());
        }
        Map<String, Double> weights = questionWeights(question.text());
        double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        if (hits.isEmpty() || total == 0) return abstain(question, hits, null);

        List<Candidate> candidates = new ArrayList<>();
        double bestPassage = 0;
        for (int rank = 0; rank < hits.size(); rank++) {
            Hit hit = hits.get(rank);
            Set<String> passageTerms = new HashSet<>(lexicon.terms(hit.text()));
            double pc = coverage(weights, passageTerms) / total;
            bestPassage = Math.max(bestPassage, pc);
            for (Span span : splitter.split(hit.text())) {
                String s = hit.text().substring(span.start(), span.end());
                if (!answerLike(s)) continue;
                Set<String> terms = new HashSet<>(lexicon.terms(s));
                double c = coverage(weights, terms) / total;
                if (c == 0) continue;
                candidates.add(new Candidate(hit, rank, hit.start() + span.start(), hit.start() + span.end(), s, terms, c, pc));
            }
        }
        double bestSentence = candidates.stream().mapToDouble(Candidate::coverage).max().orElse(0);
        if (bestPassage < settings.minPassageCoverage() || bestSentence < settings.minSentenceCoverage()) {
            return abstain(question, hits, null);
        }
        List<Candidate> chosen = select(candidates, weights, total);
        return compose(question, chosen);
    }

    /**
     * Question terms weighted by idf; repeated terms count once. Years, months and weekdays are left out: they say
     * when ("in February 2024"), which retrieval turns into a date filter, and articles rarely repeat their own date.
     */
    private Map<String, Double> questionWeights(String text) {
        Map<String, Double> w = new LinkedHashMap<>();
        StringBuilder what = new StringBuilder();
        for (String word : text.split("\\s+")) {
            String bare = word.replaceAll("[^\\p{L}\\p{N}]", "");
            if (!dev.newsdesk.retrieve.QueryPlanner.isCalendarWord(bare) && !bare.matches("(19|20)\\d{2}")) what.append(word).append(' ');
        }
        for (String t : new LinkedHashSet<>(lexicon.queryTerms(what.toString()))) w.put(t, lexicon.idf(t));
        return w;
    }

    private static double coverage(Map<String, Double> weights, Set<String> terms) {
        double sum = 0;
        for (var e : weights.entrySet()) if (terms.contains(e.getKey())) sum += e.getValue();
        return sum;
    }

    /** Skips fragments that make poor answers: questions, very short lines, captions without a verb-like length. */
    private static boolean answerLike(String s) {
        if (s.endsWith("?")) return false;
        int words = s.split("\\s+").length;
        return words >= 6 && words <= 90;
    }

    /** How far down the retrieval order a passage sits is worth less the further it is, gently. */
    private static final double RANK_DAMPING = 60;

    /**
     * A passage's standing from its rank in the retrieval order, (D+1)/(D+1+rank): 1 for the first, ~0.86 for the
     * tenth. From the rank rather than the score, because scores are a retriever's own scale (a fusion constant
     * changes how fast they fall) while the order is what every retriever promises.
     */
    private static Map<String, Double> rankStanding(List<Candidate> candidates) {
        List<Hit> hits = candidates.stream().map(Candidate::hit).distinct()
                .sorted((a, b) -> Double.compare(b.score(), a.score())).toList();
        Map<String, Double> out = new HashMap<>();
        for (Hit h : hits) out.putIfAbsent(h.passageId(), (RANK_DAMPING + 1) / (RANK_DAMPING + 1 + out.size()));
        return out;
    }

    private List<Candidate> select(List<Candidate> candidates, Map<String, Double> weights, double total) {
        Map<String, Double> standing = rankStanding(candidates);
        List<Candidate> chosen = new ArrayList<>();
        Set<String> covered = new HashSet<>();
        Map<String, Integer> perArticle = new HashMap<>();
        Map<String, Integer> perOutlet = new HashMap<>();
        Set<String> usedSpans = new HashSet<>();
        double first = -1;
        while (chosen.size() < settings.maxSentences()) {
            Candidate best = null;
            double bestScore = 0;
            for (Candidate c : candidates) {
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
    private static boolean redundant(Candidate c, List<Candidate> chosen) {
        for (Candidate o : chosen) {
            Set<String> inter = new HashSet<>(c.terms());
            inter.retainAll(o.terms());
            int union = c.terms().size() + o.terms().size() - inter.size();
            if (union > 0 && (double) inter.size() / union > 0.7) return true;
        }
        return false;
    }

    private Answer compose(Question question, List<Candidate> chosen) {
        List<Citation> citations = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Candidate c : chosen) {
            int n = citations.size() + 1;
            Hit h = c.hit();
            citations.add(new Citation(n, h.articleId(), h.passageId(), h.outlet(), h.title(), h.published(), h.url(),
                    c.text(), c.start(), c.end()));
            if (!text.isEmpty()) text.append(' ');
            text.append(displayQuote(c.text())).append(" [").append(n).append(']');
        }
        return new Answer(question.text(), text.toString(), false, citations, NAME, null, List.of());
    }

    private static final java.util.regex.Pattern BRACKETED_NUMBER = java.util.regex.Pattern.compile("\\[(\\d{1,3})]");

    /**
     * A quote as shown in the answer text. The citation keeps the verbatim span; the text pings nobody
     * ({@link Mentions}) and a "[2]" the article itself contains becomes "(2)", so that every bracketed number a
     * reader sees is one of our citations (an article cannot fake one).
     */
    public static String displayQuote(String quote) {
        return Mentions.neutralise(BRACKETED_NUMBER.matcher(quote).replaceAll("($1)"));
    }

    /** The coverage does not answer: say so, and list the closest articles (one citation each, best first). */
    Answer abstain(Question question, List<Hit> hits, String reason) {
        List<Citation> closest = new ArrayList<>();
        Set<String> articles = new HashSet<>();
        for (Hit h : hits) {
            if (closest.size() == 3) break;
            if (!articles.add(h.articleId())) continue;
            var spans = splitter.split(h.text());
            var span = spans.isEmpty() ? new Span(0, h.text().length()) : spans.getFirst();
            closest.add(new Citation(closest.size() + 1, h.articleId(), h.passageId(), h.outlet(), h.title(),
                    h.published(), h.url(), h.text().substring(span.start(), span.end()), h.start() + span.start(),
                    h.start() + span.end()));
        }
        String why = reason == null ? "" : ": " + reason;
        String text = closest.isEmpty()
                ? "The coverage in the index does not answer this question" + why + ", and no article comes close."
                : "The coverage in the index does not answer this question" + why + ". The closest articles are listed below.";
        return new Answer(question.text(), Mentions.neutralise(text), true, closest, NAME, null, List.of());
    }
}
