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
 * <p>Scoring ({@link CandidateFinder}, {@link SentenceSelector}): a sentence's worth is the share of the question's idf-weighted terms it contains, blended with the
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

    private final List<AnswerRefiner> refiners;
    private final CandidateFinder finder;
    private final SentenceSelector selector;

    /** @param gate decides up front whether the coverage can answer at all, or null for coverage thresholds only */
    public ExtractiveAnswerer(Retriever retriever, Lexicon lexicon, SentenceSplitter splitter, Settings settings,
                              EvidenceGate gate) {
        this(retriever, lexicon, splitter, settings, gate, List.of());
    }

    /** @param refiners stages that see the chosen sentences and may add to the answer, in order */
    public ExtractiveAnswerer(Retriever retriever, Lexicon lexicon, SentenceSplitter splitter, Settings settings,
                              EvidenceGate gate, List<AnswerRefiner> refiners) {
        this.retriever = retriever;
        this.lexicon = lexicon;
        this.splitter = splitter;
        this.settings = settings;
        this.gate = gate;
        this.refiners = List.copyOf(refiners);
        this.finder = new CandidateFinder(lexicon, splitter);
        this.selector = new SentenceSelector(settings);
    }

    /**
     * Stages: retrieve, then {@link EvidenceGate} (can the coverage answer at all?), {@link QuestionTerms},
     * {@link CandidateFinder} (answer-like sentences, scored), the coverage thresholds, {@link SentenceSelector},
     * the cited answer composed, and each {@link AnswerRefiner}.
     */
    @Override
    public Answer answer(Question question) {
        List<Hit> hits = retriever.search(new SearchRequest(question.text(), question.filters(), settings.candidates()));
        if (gate != null) {
            var reason = gate.reasonToAbstain(question.text());
            if (reason.isPresent()) return abstain(question, hits, reason.get());
        }
        QuestionTerms terms = QuestionTerms.of(question.text(), lexicon);
        if (hits.isEmpty() || terms.total() == 0) return abstain(question, hits, null);
        CandidateFinder.Found found = finder.find(terms, hits);
        if (found.bestPassage() < settings.minPassageCoverage() || found.bestSentence() < settings.minSentenceCoverage()) {
            return abstain(question, hits, null);
        }
        List<SentenceCandidate> chosen = selector.select(found.candidates(), terms);
        Answer answer = compose(question, chosen);
        for (AnswerRefiner r : refiners) {
            answer = r.refine(question, hits, chosen, answer);
            // a refiner that finds nothing answers (FocusRefiner) abstains with its reason: list the closest articles
            if (answer.abstained() && answer.citations().isEmpty()) return abstain(question, hits, answer.note());
        }
        return answer;
    }

    private Answer compose(Question question, List<SentenceCandidate> chosen) {
        List<Citation> citations = new ArrayList<>();
        for (SentenceCandidate c : chosen) {
            Hit h = c.hit();
            citations.add(new Citation(citations.size() + 1, h.articleId(), h.passageId(), h.outlet(), h.title(),
                    h.published(), h.url(), c.text(), c.start(), c.end()));
        }
        return new Answer(question.text(), citedText(citations), false, citations, NAME, null, List.of());
    }

    /** The answer text of an extractive answer: each quote as shown, followed by its number. */
    static String citedText(List<Citation> citations) {
        StringBuilder text = new StringBuilder();
        for (Citation c : citations) {
            if (!text.isEmpty()) text.append(' ');
            text.append(displayQuote(c.quote())).append(" [").append(c.n()).append(']');
        }
        return text.toString();
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
