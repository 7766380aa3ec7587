package dev.newsdesk.answer.lead;

import dev.newsdesk.answer.Answer;
import dev.newsdesk.answer.AnswerRefiner;
import dev.newsdesk.answer.Citation;
import dev.newsdesk.answer.ExtractiveAnswerer;
import dev.newsdesk.answer.Lead;
import dev.newsdesk.answer.Question;
import dev.newsdesk.answer.SentenceCandidate;
import dev.newsdesk.retrieve.Hit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Puts the answer first: "Google." or "Sam Bankman-Fried." before the supporting sentences, copied verbatim from a
 * cited sentence, or "Yes: ..." when every claim a yes/no question compares is stated by the outlet it names. When
 * no candidate of the asked type is supported (or a yes/no question is not settled), the answer gets no lead: it is
 * never guessed. A lead's sentence that the answer does not quote yet is added to it, cited, so every lead is
 * checkable. Stateless apart from its settings; thread-safe when its listener is.
 */
public final class LeadRefiner implements AnswerRefiner {
    private final LeadFinder finder;
    private final LeadWeights weights;
    private final Listener listener;

    public LeadRefiner(LeadFinder finder, LeadWeights weights) {
        this(finder, weights, Listener.NONE);
    }

    /** Sees each question's draft answer and lead evidence (eval tunes and scores the lead on them). */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = (q, d, e) -> {};

        void found(Question question, Answer draft, LeadFinder.Evidence evidence);
    }

    public LeadRefiner(LeadFinder finder, LeadWeights weights, Listener listener) {
        this.finder = finder;
        this.weights = weights;
        this.listener = listener;
    }

    /** The lead chosen from evidence: its text, the verbatim span (null for yes/no) and the sentences to cite. */
    public record Choice(String text, String span, List<Support> support) {}

    /** A sentence that supports a lead, as offsets in its article. */
    public record Support(Hit hit, int start, int end, String sentence) {}

    @Override
    public Answer refine(Question question, List<Hit> hits, List<SentenceCandidate> chosen, Answer draft) {
        LeadFinder.Evidence evidence = finder.find(question.text(), hits, chosen);
        listener.found(question, draft, evidence);
        Choice choice = choose(evidence, weights);
        return choice == null ? draft : apply(draft, evidence.type(), choice);
    }

    /** The lead the weights pick from the evidence, or null when none is supported. */
    public static Choice choose(LeadFinder.Evidence evidence, LeadWeights weights) {
        if (evidence.type() == AnswerType.YES_NO) return yes(evidence, weights);
        LeadCandidate best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (LeadCandidate c : evidence.candidates()) {
            double s = weights.score(c.features());
            if (s > bestScore || s == bestScore && best != null && c.hitRank() < best.hitRank()) {
                best = c;
                bestScore = s;
            }
        }
        if (best == null || bestScore < weights.minScore() || best.features()[2] <= 0) return null;
        best = fullName(best, evidence);
        String span = best.text();
        if (span.strip().split("\\s+").length > Lead.MAX_WORDS - 2) return null; // a lead states the answer, briefly
        String text = span.endsWith(".") ? span : span + ".";
        return new Choice(text, span, List.of(new Support(best.hit(), best.start(), best.end(), best.sentence())));
    }

    /**
     * "Bankman-Fried" is reported as "Sam Bankman-Fried" when a longer name holding it is mentioned as well (for a
     * person, once is enough; for anything else, half as often), and it stays within four words.
     */
    private static LeadCandidate fullName(LeadCandidate best, LeadFinder.Evidence evidence) {
        String padded = " " + best.key() + " ";
        double mentions = Math.expm1(best.features()[7]);
        LeadCandidate full = best;
        double fullMentions = 0;
        for (LeadCandidate c : evidence.candidates()) {
            if (c == best || !(" " + c.key() + " ").contains(padded) || c.key().split(" ").length > 4) continue;
            double m = Math.expm1(c.features()[7]);
            boolean enough = evidence.type() == AnswerType.PERSON ? m >= 1 : m >= mentions / 2;
            if (enough && m > fullMentions) {
                full = c;
                fullMentions = m;
            }
        }
        return full;
    }

    private static Choice yes(LeadFinder.Evidence evidence, LeadWeights weights) {
        if (evidence.claims().isEmpty() || evidence.yesSupport() < weights.yesSupport()) return null;
        List<Support> support = new ArrayList<>();
        for (LeadFinder.Claim c : evidence.claims()) support.add(new Support(c.hit(), c.start(), c.end(), c.sentence()));
        String text = evidence.claims().size() >= 2 ? "Yes: the cited reports state each compared claim."
                : "Yes: the cited report states it.";
        return new Choice(text, null, support);
    }

    /** The draft with the lead, citing the draft's sentences that hold it and adding the ones it lacks. */
    Answer apply(Answer draft, AnswerType type, Choice choice) {
        List<Citation> citations = new ArrayList<>(draft.citations());
        StringBuilder text = new StringBuilder(draft.text());
        TreeSet<Integer> cited = new TreeSet<>();
        for (Support s : choice.support()) cited.add(citationFor(s, citations, text));
        if (choice.span() != null) {
            String key = " " + SpanFinder.key(choice.span()) + " ";
            for (Citation c : draft.citations()) if ((" " + SpanFinder.key(c.quote()) + " ").contains(key)) cited.add(c.n());
        }
        Lead lead = new Lead(choice.text(), choice.span(), type.id(), List.copyOf(cited));
        return new Answer(draft.question(), text.toString(), draft.abstained(), citations, draft.answerer(), draft.note(),
                draft.sentences(), lead);
    }

    private static int citationFor(Support s, List<Citation> citations, StringBuilder text) {
        for (Citation c : citations) {
            if (c.start() <= s.start() && s.end() <= c.end() && c.articleId().equals(s.hit().articleId())) {
                return c.n();
            }
        }
        Hit h = s.hit();
        int n = citations.size() + 1;
        citations.add(new Citation(n, h.articleId(), h.passageId(), h.outlet(), h.title(), h.published(), h.url(),
                s.sentence(), s.start(), s.end()));
        if (!text.isEmpty()) text.append(' ');
        text.append(ExtractiveAnswerer.displayQuote(s.sentence())).append(" [").append(n).append(']');
        return n;
    }
}
