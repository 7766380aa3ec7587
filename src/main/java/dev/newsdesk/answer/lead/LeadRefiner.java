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
        if (choice == null && evidence.type() == AnswerType.YES_NO && !draft.abstained() && !draft.citations().isEmpty()) {
            // no "No" is ever inferred from silence: the reader is told the question stays open, and sees the evidence
            List<Integer> all = draft.citations().stream().map(Citation::n).toList();
            return new Answer(draft.question(), draft.text(), false, draft.citations(), draft.answerer(), draft.note(),
                    draft.sentences(), new Lead(UNSETTLED, null, evidence.type().id(), all));
        }
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
     * person, once is enough, and only a name ending with it; for anything else, half as often), and it stays within
     * four words.
     */
    private static LeadCandidate fullName(LeadCandidate best, LeadFinder.Evidence evidence) {
        String padded = " " + best.key() + " ";
        double mentions = Math.expm1(best.features()[7]);
        LeadCandidate full = best;
        double fullMentions = 0;
        for (LeadCandidate c : evidence.candidates()) {
            if (c == best || !(" " + c.key() + " ").contains(padded) || c.key().split(" ").length > 4) continue;
            // a person's name grows to the left ("Netanyahu" is "Benjamin Netanyahu"), never from a place ("Israel Jack Lew")
            if (evidence.type() == AnswerType.PERSON && !(" " + c.key() + " ").endsWith(padded)) continue;
            double m = Math.expm1(c.features()[7]);
            if (evidence.type() == AnswerType.PERSON
                    && standsAlone(c.key().substring(0, c.key().length() - best.key().length()).strip(), m, evidence)) continue;
            boolean enough = evidence.type() == AnswerType.PERSON ? m >= 1 : m >= mentions / 2;
            if (enough && m > fullMentions) {
                full = c;
                fullMentions = m;
            }
        }
        return full;
    }

    /**
     * Words named on their own far more often than with the name that follows ("Israel", 29 times, before "Jack
     * Lew" once) are a name of their own, not a first name: a first name alone is rarer than the full name.
     */
    private static boolean standsAlone(String key, double longerMentions, LeadFinder.Evidence evidence) {
        if (key.isEmpty()) return false;
        for (LeadCandidate c : evidence.candidates()) {
            if (c.key().equals(key)) return LeadFinder.standsAlone(Math.expm1(c.features()[7]), longerMentions);
        }
        return false;
    }

    /**
     * A single claim with no outlet named ("Did Blinken say ... limited?") is answered "Yes" only by a sentence
     * holding nearly all of it: with no second report to agree, one sentence must state the whole claim.
     */
    static final double SINGLE_CLAIM_SUPPORT = 0.7;

    private static final java.util.regex.Pattern CONTRARY = java.util.regex.Pattern.compile(
            "(?i)\\b(?:not|no|never|neither|nor|n't|without|prevent\\w*|avoid\\w*|oppos\\w*|reject\\w*|den(?:y|ies|ied)"
            + "|against|refus\\w*|warn\\w*|stop\\w*|halt\\w*|block\\w*|unlikely|false(?:ly)?)\\b|n't\\b");

    /** Whether the sentence holds a turning word ("prevent", "not") the question does not use itself. */
    static boolean contrary(String sentence, String question) {
        String q = question.toLowerCase(java.util.Locale.ROOT);
        var m = CONTRARY.matcher(sentence);
        while (m.find()) if (!q.contains(m.group().toLowerCase(java.util.Locale.ROOT))) return true;
        return false;
    }

    /** What a yes/no answer leads with when the cited sentences neither state the claim nor are absent. */
    public static final String UNSETTLED = "The coverage does not settle it; the closest reports follow.";

    private static Choice yes(LeadFinder.Evidence evidence, LeadWeights weights) {
        if (evidence.claims().isEmpty() || evidence.yesSupport() < weights.yesSupport()) return null;
        boolean single = evidence.claims().size() == 1; // two named outlets make two claims (LeadFinder.yesAnswerable)
        if (single && evidence.yesSupport() < SINGLE_CLAIM_SUPPORT) return null;
        // "the administration wants to prevent any further escalation" holds every word of "Did the US want Israel to
        // escalate?" and says the opposite: one sentence turning the claim round is no "Yes"
        if (single && contrary(evidence.claims().getFirst().sentence(), evidence.claims().getFirst().clause())) return null;
        List<Support> support = new ArrayList<>();
        for (LeadFinder.Claim c : evidence.claims()) support.add(new Support(c.hit(), c.start(), c.end(), c.sentence()));
        String text = evidence.claims().size() >= 2 ? "Yes: the cited reports state each compared claim."
                : "Yes: the cited report states it.";
        return new Choice(text, null, support);
    }

    /** The draft with the lead, citing the draft's sentences that hold it and adding the ones it lacks. */
    public static Answer apply(Answer draft, AnswerType type, Choice choice) {
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
