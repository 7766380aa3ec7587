package dev.newsdesk.eval;

import dev.newsdesk.answer.PassageQa;
import dev.newsdesk.retrieve.Filters;
import dev.newsdesk.retrieve.Hit;
import dev.newsdesk.retrieve.Retriever;
import dev.newsdesk.retrieve.SearchRequest;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answer accuracy on MultiHop-RAG: a {@link PassageQa} (a chat model with the benchmark's prompt) answers each query
 * from the passages a {@link Retriever} finds, and {@link AnswerRule} (the benchmark's {@code qa_evaluate.py}) scores
 * the replies. Holds no mutable state; each call is independent.
 */
public final class MultiHopAnswerEval {
    private static final Logger log = LoggerFactory.getLogger(MultiHopAnswerEval.class);

    private final Retriever retriever;

    public MultiHopAnswerEval(Retriever retriever) {
        this.retriever = Objects.requireNonNull(retriever, "retriever");
    }

    /**
     * Asks {@code qa} every query (null queries too, whose gold answer is "Insufficient information.") with the
     * top {@code k} passages this eval's retriever finds, and scores each reply with the benchmark's answer rule
     * ({@link AnswerRule}), as {@code qa_llama.py} and {@code qa_evaluate.py} do. A question the model fails on
     * (timeout, provider error) counts as wrong and is counted in {@link AnswerReport#failed()}.
     *
     * @param k passages given as context, 1..100 (use 10, the depth the retrieval metrics score)
     * @param onEach called after each question with its number, the reply and whether the rule accepted it
     */
    public AnswerReport answers(PassageQa qa, List<MultiHopQuery> queries, int k, AnswerListener onEach) {
        Objects.requireNonNull(qa, "qa");
        if (k < 1 || k > 100) throw new IllegalArgumentException("k " + k + " is outside 1..100; use 10");
        AnswerListener listener = onEach == null ? (i, q, reply, ok) -> {} : onEach;
        java.util.Map<String, int[]> byType = new java.util.TreeMap<>();
        int[] all = new int[3]; // queries, correct, failed
        for (int i = 0; i < queries.size(); i++) {
            MultiHopQuery q = queries.get(i);
            List<Hit> hits;
            try {
                hits = retriever.search(new SearchRequest(q.query(), Filters.NONE, k));
            } catch (RuntimeException e) {
                throw new IllegalStateException("retrieval failed for query #" + i + " '" + q.query() + "': " + e.getMessage(), e);
            }
            String reply;
            boolean failed = false;
            try {
                reply = qa.answer(q.query(), hits.size() > k ? hits.subList(0, k) : hits);
            } catch (RuntimeException e) {
                log.warn("answering query #{} failed: {}", i, e.getClass().getSimpleName());
                reply = "";
                failed = true;
            }
            boolean ok = AnswerRule.correct(reply, q.answer());
            for (int[] c : List.of(all, byType.computeIfAbsent(q.type(), t -> new int[3]))) {
                c[0]++;
                if (ok) c[1]++;
                if (failed) c[2]++;
            }
            listener.answered(i, q, reply, ok);
        }
        java.util.Map<String, AnswerReport> types = new java.util.TreeMap<>();
        byType.forEach((t, c) -> types.put(t, new AnswerReport(c[0], c[1], c[2], null)));
        return new AnswerReport(all[0], all[1], all[2], types);
    }

    /** Progress of {@link #answers}: one call per question, in order. */
    @FunctionalInterface
    public interface AnswerListener {
        void answered(int index, MultiHopQuery query, String reply, boolean correct);
    }

}
