package dev.newsdesk.answer;

import dev.newsdesk.answer.lead.SpanFinder;
import dev.newsdesk.retrieve.Hit;
import dev.newsdesk.retrieve.Lexicon;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps only the sentences that answer. Runs after the lead is chosen, because "adds something the lead does not"
 * and "holds the lead" are judged against it. A sentence stays when it holds the lead's span, or when it
 *
 * <ul>
 *   <li>is about the question's subject: for "What did Blinken tell ...", Blinken's own words or reported speech
 *       ("Blinken told ...", "... said Blinken"), never another party's position;</li>
 *   <li>falls in the question's time: "in May 2021" filters the event, so when some sentences come from coverage
 *       of that period, sentences from coverage of other periods go;</li>
 *   <li>is not a photo caption or a list of names, unless it holds the lead;</li>
 *   <li>holds at least {@link #RELATIVE_COVERAGE} of the question's weighted terms the best sentence holds.</li>
 * </ul>
 *
 * Lead-holding sentences come first. When nothing is left (nobody quoted the person asked about), the answer says
 * the coverage does not answer: it returns an abstention without citations and with the reason in its note, and
 * the answerer lists the closest articles. Thread-safe.
 */
public final class FocusRefiner implements AnswerRefiner {
    /**
     * A supporting sentence must hold this share of what the best one holds of the question's weighted terms.
     * Measured on MultiHop-RAG dev (docs/benchmarks.md, "Answer lead"): tighter answers at no cost to the whole
     * answer's gold containment.
     */
    static final double RELATIVE_COVERAGE = 0.5;

    private final Lexicon lexicon;
    private final Function<String, LocalDate[]> periods;

    /** @param periods the one period a question names ({@code QueryPlanner.periodOf}), or null */
    public FocusRefiner(Lexicon lexicon, Function<String, LocalDate[]> periods) {
        this.lexicon = lexicon;
        this.periods = periods;
    }

    private static final String SPEECH_VERBS = "say|says|said|tell|tells|told|write|wrote|announce|announced|claim|claimed"
            + "|argue|argued|warn|warned|stated|suggest|suggested|reveal|revealed|explain|explained|admit|admitted";
    /** "What did Blinken tell ...", "What has Antony Blinken said about ...": the speaker is the name before the verb. */
    private static final Pattern ASKS_SPEECH = Pattern.compile("^(?i:what|how)\\s+(?i:did|does|do|has|have|had|is|was)\\s+"
            + "(?i:the\\s+)?((?:\\p{Lu}[\\p{L}.'’-]*\\s+){0,3}\\p{Lu}[\\p{L}'’-]+)\\s+(?i:" + SPEECH_VERBS + ")\\b");
    private static final Pattern SPEECH_MARK = Pattern.compile("(?i)\\b(?:" + SPEECH_VERBS + "|saying|telling|noted|added|"
            + "urged|stressed|insisted|asked|conveyed|advised|according to|remarks?|statement|interview)\\b|[“”\"]");
    /** The article goes on with a photo credit: the sentence was a caption. */
    private static final Pattern CREDIT = Pattern.compile("^\\s*[(\\[]?(?:Credit|Photo|Image|Picture|Source)s?\\b[:\\s]",
            Pattern.CASE_INSENSITIVE);

    @Override
    public Answer refine(Question question, List<Hit> hits, List<SentenceCandidate> chosen, Answer draft) {
        if (draft.abstained() || draft.citations().isEmpty()) return draft;
        Lead lead = draft.lead();
        if (lead == null && dev.newsdesk.answer.lead.AnswerType.asksForInitial(question.text())) {
            // the sentences cannot hold a letter nobody writes down: without a name to take it from, say so
            return new Answer(draft.question(), "", true, List.of(), draft.answerer(),
                    "no report in the index names anyone or anything that fits, so it gives no letter or initial", List.of());
        }
        String leadKey = lead == null || lead.span() == null ? null : " " + SpanFinder.key(lead.span()) + " ";
        Set<Integer> leadCited = lead == null ? Set.of() : new HashSet<>(lead.citations());
        QuestionTerms terms = QuestionTerms.of(question.text(), lexicon);
        String speaker = speaker(question.text(), draft.citations());
        LocalDate[] period = periods == null ? null : periods.apply(question.text());

        List<Citation> holders = new ArrayList<>();
        List<Citation> others = new ArrayList<>();
        for (Citation c : draft.citations()) {
            boolean holds = leadKey != null && (" " + SpanFinder.key(c.quote()) + " ").contains(leadKey)
                    || leadKey == null && leadCited.contains(c.n());
            (holds ? holders : others).add(c);
        }
        if (speaker != null) {
            Pattern named = namePattern(speaker);
            holders.removeIf(c -> !speaksOrContinues(c, hits, named));
            others.removeIf(c -> !speaksOrContinues(c, hits, named));
            if (holders.isEmpty() && others.isEmpty()) {
                return new Answer(draft.question(), "", true, List.of(), draft.answerer(),
                        "no report in the index gives " + speaker + "'s own words on it", List.of());
            }
        }
        if (period != null && (holders.stream().anyMatch(c -> inPeriod(c, period)) || others.stream().anyMatch(c -> inPeriod(c, period)))) {
            others.removeIf(c -> !inPeriod(c, period));
        }
        others.removeIf(c -> caption(c, hits) || nameList(c.quote()));
        double best = 0;
        Map<Integer, Double> coverage = new HashMap<>();
        for (Citation c : others) {
            double v = terms.total() == 0 ? 0 : terms.coverage(new HashSet<>(lexicon.terms(c.quote()))) / terms.total();
            coverage.put(c.n(), v);
            best = Math.max(best, v);
        }
        double floor = best * RELATIVE_COVERAGE;
        others.removeIf(c -> coverage.get(c.n()) < floor);
        List<Citation> kept = new ArrayList<>(holders);
        kept.addAll(others);
        if (kept.isEmpty()) return draft;
        if (kept.equals(draft.citations())) return draft;
        return renumbered(draft, kept);
    }

    /** The draft reduced to {@code kept}, in that order, numbered from 1, with the lead's citations mapped. */
    static Answer renumbered(Answer draft, List<Citation> kept) {
        Map<Integer, Integer> map = new HashMap<>();
        List<Citation> citations = new ArrayList<>();
        for (Citation c : kept) {
            map.put(c.n(), citations.size() + 1);
            citations.add(c.numbered(citations.size() + 1));
        }
        String text = ExtractiveAnswerer.citedText(citations);
        Lead lead = draft.lead();
        if (lead != null) {
            List<Integer> cites = lead.citations().stream().map(map::get).filter(java.util.Objects::nonNull).sorted().toList();
            lead = cites.isEmpty() ? null : new Lead(lead.text(), lead.span(), lead.kind(), cites);
        }
        return new Answer(draft.question(), text, false, citations, draft.answerer(), draft.note(),
                draft.sentences(), lead);
    }

    /** The person a "What did X say" question asks about (the name's last word), unless X is an outlet. */
    static String speaker(String question, List<Citation> citations) {
        Matcher m = ASKS_SPEECH.matcher(question.strip());
        if (!m.find()) return null;
        String name = m.group(1).strip();
        String lower = name.toLowerCase(Locale.ROOT);
        for (Citation c : citations) {
            String o = c.outlet().toLowerCase(Locale.ROOT);
            if (o.contains(lower) || lower.contains(o)) return null;
        }
        String[] words = name.split("\\s+");
        String last = words[words.length - 1].replaceAll("['’]s?$", "");
        return last.length() < 3 ? null : last;
    }

    /** The sentence names the speaker and marks speech: "Blinken told ...", "..., Blinken said." */
    static boolean speaks(String sentence, String speaker) {
        return speaks(sentence, namePattern(speaker));
    }

    private static boolean speaks(String sentence, Pattern named) {
        return named.matcher(sentence).find() && SPEECH_MARK.matcher(sentence).find();
    }

    /** A sentence that goes on with the speaker's words: "He promised ...", a quote right after "Blinken said ...". */
    private static final Pattern CONTINUES = Pattern.compile("^(?:He|She|They)\\b|[“”\"]");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?][”\"’]?)\\s+");

    /**
     * The speaker speaks in the sentence, or the sentence carries on what the speaker said in one of the two sentences
     * before it: reporters name the speaker once and go on with "He promised ..." or with more of the quote.
     */
    static boolean speaksOrContinues(Citation c, List<Hit> hits, Pattern named) {
        if (speaks(c.quote(), named)) return true;
        if (!SPEECH_MARK.matcher(c.quote()).find() || !CONTINUES.matcher(c.quote()).find()) return false;
        String[] before = SENTENCE_END.split(textBefore(c, hits).strip());
        for (int i = before.length - 1; i >= Math.max(0, before.length - 2); i--) {
            if (speaks(before[i], named)) return true;
        }
        return false;
    }

    /** The article text the retrieved passages hold just before the citation (empty when none holds it). */
    private static String textBefore(Citation c, List<Hit> hits) {
        for (Hit h : hits) {
            if (!h.articleId().equals(c.articleId()) || c.start() < h.start() || c.start() > h.start() + h.text().length()) continue;
            String before = h.text().substring(0, c.start() - h.start());
            if (before.length() > 400) return before;
            for (Hit p : hits) { // the passage before, when the citation opens its passage
                int end = p.start() + p.text().length();
                if (p.articleId().equals(c.articleId()) && end <= h.start() && end >= h.start() - 3) return p.text() + " " + before;
            }
            return before;
        }
        return "";
    }

    private static Pattern namePattern(String speaker) {
        return Pattern.compile("\\b" + Pattern.quote(speaker) + "\\b");
    }

    /** Published in the period, or within a month after it (coverage of an event follows it). */
    private static boolean inPeriod(Citation c, LocalDate[] period) {
        LocalDate d = c.published();
        return d != null && !d.isBefore(period[0]) && !d.isAfter(period[1].plusDays(31));
    }

    private static boolean caption(Citation c, List<Hit> hits) {
        for (Hit h : hits) {
            if (!h.articleId().equals(c.articleId()) || c.end() < h.start() || c.end() > h.start() + h.text().length()) continue;
            return CREDIT.matcher(h.text().substring(c.end() - h.start())).find();
        }
        return false;
    }

    private static final Pattern CAPITALISED = Pattern.compile("\\b\\p{Lu}[\\p{L}.'’-]+");

    /** "..., Defense Minister Yoav Gallant, National Security Council head Tzachi Hanegbi, ...": a roll of names. */
    static boolean nameList(String sentence) {
        long commas = sentence.chars().filter(ch -> ch == ',').count();
        if (commas < 4) return false;
        long caps = CAPITALISED.matcher(sentence).results().count();
        String[] words = sentence.split("\\s+");
        return caps >= 8 && caps * 2 >= words.length;
    }
}
