package dev.newsdesk.eval;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsdesk.answer.Answer;
import dev.newsdesk.answer.Answerer;
import dev.newsdesk.answer.Question;
import dev.newsdesk.answer.lead.AnswerType;
import dev.newsdesk.answer.lead.LeadFinder;
import dev.newsdesk.answer.lead.LeadRefiner;
import dev.newsdesk.answer.lead.LeadWeights;
import dev.newsdesk.answer.lead.SpanFinder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * How good the extractive answer's lead is on MultiHop-RAG, measured on questions the tuning never saw: the queries
 * are dealt into {@code k} folds (query i into fold i mod k); for each fold the lead's weights are tuned on the other
 * folds (a grid over {@link LeadWeights}) and the fold is scored with them; the held-out figures are pooled.
 *
 * <ul>
 *   <li>entity questions (gold neither yes/no nor "insufficient information"): the share whose lead contains the gold
 *       answer, case- and punctuation-insensitively, and whose whole answer (lead and sentences) does;</li>
 *   <li>yes/no questions: how often a yes/no lead is given and how often it is right, beside the majority class;</li>
 *   <li>null queries: abstentions, and leads given where the coverage cannot answer (false leads).</li>
 * </ul>
 */
public final class LeadEval {
    /** One query's answer, with the draft and lead evidence (null when the answerer abstained). */
    public record Row(MultiHopQuery query, Answer answer, Answer draft, LeadFinder.Evidence evidence) {
        Kind kind() {
            String g = SpanFinder.key(query.answer());
            if (query.type().equals("null_query")) return Kind.NULL;
            if (g.equals("yes") || g.equals("no")) return Kind.YES_NO;
            return Kind.ENTITY;
        }
    }

    enum Kind { ENTITY, YES_NO, NULL }

    /** Progress of {@link #collect}: one call per query, in order. */
    @FunctionalInterface
    public interface Progress {
        void answered(int index, Row row);
    }

    /**
     * Answers every query with the answerer {@code answerer} builds around a lead listener.
     *
     * @param answerer makes the extractive answerer, reporting each question's draft and lead evidence to the listener
     */
    public static List<Row> collect(Function<LeadRefiner.Listener, Answerer> answerer, List<MultiHopQuery> queries,
                                    Progress progress) {
        Answer[] draft = new Answer[1];
        LeadFinder.Evidence[] evidence = new LeadFinder.Evidence[1];
        Answerer a = answerer.apply((q, d, e) -> {
            draft[0] = d;
            evidence[0] = e;
        });
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            draft[0] = null;
            evidence[0] = null;
            Answer ans = a.answer(new Question(queries.get(i).query()));
            Row row = new Row(queries.get(i), ans, draft[0], evidence[0]);
            rows.add(row);
            if (progress != null) progress.answered(i, row);
        }
        return rows;
    }

    /**
     * Held-out figures (pooled over the folds) and the weights tuned on all queries.
     *
     * @param entity entity questions; {@code leadContains} and {@code wholeContains} with held-out weights,
     *               {@code firstSentenceContains} and {@code sentencesContain} the answer without a lead (today's)
     */
    public record Report(int folds, int entity, int leadGiven, int leadContains, int wholeContains,
                         int firstSentenceContains, int sentencesContain, int yesNo, int yesNoGiven, int yesNoCorrect,
                         int yesNoMajority, int nullQueries, int nullAbstained, int nullFalseLeads, int answerable,
                         int answerableAbstained, LeadWeights tunedOnAll) {
        static double share(int a, int b) {
            return b == 0 ? 0 : (double) a / b;
        }

        public ObjectNode toJsonNode() {
            ObjectNode n = JsonNodeFactory.instance.objectNode();
            n.put("folds", folds);
            n.put("entity_questions", entity);
            n.put("lead_given", share(leadGiven, entity));
            n.put("lead_contains_gold", share(leadContains, entity));
            n.put("answer_contains_gold", share(wholeContains, entity));
            n.put("first_sentence_contains_gold", share(firstSentenceContains, entity));
            n.put("sentences_contain_gold", share(sentencesContain, entity));
            n.put("yes_no_questions", yesNo);
            n.put("yes_no_lead_given", share(yesNoGiven, yesNo));
            n.put("yes_no_accuracy_when_given", share(yesNoCorrect, yesNoGiven));
            n.put("yes_no_majority_baseline", share(yesNoMajority, yesNo));
            n.put("null_queries", nullQueries);
            n.put("null_abstained", share(nullAbstained, nullQueries));
            n.put("null_false_leads", nullFalseLeads);
            n.put("answerable_queries", answerable);
            n.put("false_abstention", share(answerableAbstained, answerable));
            n.put("weights_tuned_on_all", tunedOnAll.toString());
            return n;
        }

        public String table() {
            return String.format(Locale.ROOT, """
                    answer lead (held-out, %d-fold cross-validation, pooled):
                      entity questions %d: lead contains the gold answer %.3f (lead given %.3f), whole answer %.3f; \
                    without a lead: first sentence %.3f, sentences %.3f
                      yes/no questions %d: lead given %.3f, accuracy when given %.3f (majority class %.3f)
                      null queries %d: abstained %.3f, false leads %d; answerable %d: false abstention %.3f
                      weights tuned on all queries: %s
                    """, folds, entity, share(leadContains, entity), share(leadGiven, entity), share(wholeContains, entity),
                    share(firstSentenceContains, entity), share(sentencesContain, entity), yesNo,
                    share(yesNoGiven, yesNo), share(yesNoCorrect, yesNoGiven), share(yesNoMajority, yesNo),
                    nullQueries, share(nullAbstained, nullQueries), nullFalseLeads, answerable,
                    share(answerableAbstained, answerable), tunedOnAll);
        }
    }

    /** "Sam Bankman-Fried" in "... sam bankman fried ...": whole words, case and punctuation ignored. */
    public static boolean contains(String text, String gold) {
        String g = SpanFinder.key(gold);
        return !g.isEmpty() && (" " + SpanFinder.key(text == null ? "" : text) + " ").contains(" " + g + " ");
    }

    /** Closeness is never weighted 0: on dates and numbers (which the dev split hardly asks) it is what finds the answer. */
    static final double[][] GRID = {{0, 1, 2}, {0, 1, 2}, {1, 2, 4}, {0, 0.5, 1}, {0, 0.5, 1}, {0, 0.5, 1},
            {0, -1, -2}, {0, 0.5}, {0, 1, 2}};
    static final double[] YES_THRESHOLDS = {0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.01};

    public static Report crossValidate(List<Row> rows, int folds, LeadWeights base) {
        return crossValidate(rows, folds, base, (q, a) -> a);
    }

    /**
     * @param shown what the reader is shown of an answer with a given lead (the stages after the lead, such as
     *              FocusRefiner, which drop sentences that do not answer): "whole answer" is scored on it
     */
    public static Report crossValidate(List<Row> rows, int folds, LeadWeights base,
                                       java.util.function.BiFunction<Question, Answer, Answer> shown) {
        if (folds < 2) throw new IllegalArgumentException("folds " + folds + " < 2");
        List<double[]> combos = combos();
        int n = rows.size();
        // lead[c][i]: does combo c's lead contain row i's gold; whole likewise; given: any lead
        boolean[][] lead = new boolean[combos.size()][n];
        boolean[][] whole = new boolean[combos.size()][n];
        boolean[][] given = new boolean[combos.size()][n];
        // many weightings pick the same lead: what is shown is computed once per query and lead
        List<java.util.Map<String, Boolean>> shownContains = new ArrayList<>();
        boolean[] draftContains = new boolean[n];
        for (int i = 0; i < n; i++) {
            shownContains.add(new java.util.HashMap<>());
            Row r = rows.get(i);
            if (r.draft() != null) {
                Answer a = shown.apply(new Question(r.query().query()), r.draft());
                draftContains[i] = !a.abstained() && contains(a.text(), r.query().answer());
            }
        }
        for (int c = 0; c < combos.size(); c++) {
            LeadWeights w = base.withFeature(combos.get(c));
            for (int i = 0; i < n; i++) {
                Row r = rows.get(i);
                if (r.evidence() == null || r.kind() == Kind.YES_NO || r.evidence().type() == AnswerType.YES_NO) continue;
                LeadRefiner.Choice ch = LeadRefiner.choose(r.evidence(), w);
                if (ch == null) continue;
                given[c][i] = true;
                lead[c][i] = contains(ch.text(), r.query().answer());
                final Row row = r;
                whole[c][i] = shownContains.get(i).computeIfAbsent(ch.text() + "\u0000" + ch.support(), k -> {
                    Answer a = shown.apply(new Question(row.query().query()),
                            LeadRefiner.apply(row.draft(), row.evidence().type(), ch));
                    return !a.abstained() && contains(ch.text() + " " + a.text(), row.query().answer());
                });
            }
        }
        int entity = 0, leadGiven = 0, leadContains = 0, wholeContains = 0, first = 0, sentences = 0;
        int yn = 0, ynGiven = 0, ynCorrect = 0, yes = 0, nulls = 0, nullAbst = 0, falseLeads = 0, answerable = 0, abst = 0;
        for (int f = 0; f < folds; f++) {
            final int fold = f;
            int c = bestCombo(lead, rows, i -> i % folds != fold);
            double t = bestYes(rows, i -> i % folds != fold);
            LeadWeights w = base.withFeature(combos.get(c)).withYesSupport(t);
            for (int i = f; i < n; i += folds) {
                Row r = rows.get(i);
                switch (r.kind()) {
                    case ENTITY -> {
                        entity++;
                        if (given[c][i]) leadGiven++;
                        if (lead[c][i]) leadContains++;
                        if (given[c][i] ? whole[c][i] : draftContains[i]) wholeContains++;
                        if (!r.answer().abstained() && !r.answer().citations().isEmpty()
                                && contains(r.answer().citations().getFirst().quote(), r.query().answer())) first++;
                        if (r.draft() != null && contains(r.draft().text(), r.query().answer())) sentences++;
                    }
                    case YES_NO -> {
                        yn++;
                        boolean gold = SpanFinder.key(r.query().answer()).equals("yes");
                        if (gold) yes++;
                        if (r.evidence() != null && LeadRefiner.choose(r.evidence(), w) != null) {
                            ynGiven++;
                            if (gold) ynCorrect++;
                        }
                    }
                    case NULL -> {
                        nulls++;
                        if (r.answer().abstained()) nullAbst++;
                        else if (r.evidence() != null && LeadRefiner.choose(r.evidence(), w) != null) falseLeads++;
                    }
                }
                if (r.kind() != Kind.NULL) {
                    answerable++;
                    if (r.answer().abstained()) abst++;
                }
            }
        }
        LeadWeights onAll = base.withFeature(combos.get(bestCombo(lead, rows, i -> true))).withYesSupport(bestYes(rows, i -> true));
        return new Report(folds, entity, leadGiven, leadContains, wholeContains, first, sentences, yn, ynGiven, ynCorrect,
                Math.max(yes, yn - yes), nulls, nullAbst, falseLeads, answerable, abst, onAll);
    }

    private static int bestCombo(boolean[][] lead, List<Row> rows, java.util.function.IntPredicate tune) {
        int best = 0, bestHits = -1;
        for (int c = 0; c < lead.length; c++) {
            int hits = 0;
            for (int i = 0; i < rows.size(); i++) if (tune.test(i) && lead[c][i]) hits++;
            if (hits > bestHits) {
                best = c;
                bestHits = hits;
            }
        }
        return best;
    }

    /** The yes threshold that maximises right minus 1.5 x wrong Yes leads on the tuning rows: precision over 0.6. */
    private static double bestYes(List<Row> rows, java.util.function.IntPredicate tune) {
        double best = YES_THRESHOLDS[YES_THRESHOLDS.length - 1], bestGain = 0;
        for (double t : YES_THRESHOLDS) {
            double gain = 0;
            for (int i = 0; i < rows.size(); i++) {
                Row r = rows.get(i);
                if (!tune.test(i) || r.kind() == Kind.ENTITY || r.evidence() == null) continue;
                if (r.evidence().type() != AnswerType.YES_NO || r.evidence().claims().isEmpty() || r.evidence().yesSupport() < t) continue;
                boolean right = r.kind() == Kind.YES_NO && SpanFinder.key(r.query().answer()).equals("yes");
                gain += right ? 1 : -1.5;
            }
            if (gain > bestGain) {
                bestGain = gain;
                best = t;
            }
        }
        return best;
    }

    private static List<double[]> combos() {
        List<double[]> out = new ArrayList<>();
        int[] idx = new int[GRID.length];
        while (true) {
            double[] w = new double[GRID.length];
            for (int i = 0; i < w.length; i++) w[i] = GRID[i][idx[i]];
            out.add(w);
            int k = 0;
            while (k < idx.length && ++idx[k] == GRID[k].length) idx[k++] = 0;
            if (k == idx.length) return out;
        }
    }

    static String describe(double[] w) {
        return Arrays.toString(w);
    }
}
