package dev.newsdesk.eval;

import dev.newsdesk.answer.Answer;
import dev.newsdesk.answer.Answerer;
import dev.newsdesk.answer.Question;
import dev.newsdesk.retrieve.Filters;
import dev.newsdesk.retrieve.Hit;
import dev.newsdesk.retrieve.Retriever;
import dev.newsdesk.retrieve.SearchRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs MultiHop-RAG against a {@link Retriever} (retrieval metrics) or an {@link Answerer} (abstention).
 * Holds no mutable state; each call is independent.
 */
public final class MultiHopEval {
    /** Run tag written in the sixth column of run files. */
    public static final String RUN_TAG = "newsdesk";

    private static final Logger log = LoggerFactory.getLogger(MultiHopEval.class);

    private final Retriever retriever;
    private final Function<Hit, String> passageHeader;

    /**
     * @param passageHeader text put before each hit's passage text before scoring (e.g. {@link #benchmarkHeader});
     *                      null means {@link #benchmarkHeader}
     */
    public MultiHopEval(Retriever retriever, Function<Hit, String> passageHeader) {
        this.retriever = Objects.requireNonNull(retriever, "retriever");
        this.passageHeader = passageHeader == null ? MultiHopEval::benchmarkHeader : passageHeader;
    }

    /** With the benchmark's header ({@link #benchmarkHeader}). */
    public MultiHopEval(Retriever retriever) {
        this(retriever, null);
    }

    /**
     * The prefix the benchmark puts before each chunk (see {@link MultiHopCorpus}), built from a hit:
     * {@code "title: T\npublished_at: D\nsource: S\n\n"}. A hit carries only the publication date, so
     * {@code published_at} is "2023-09-28" where the benchmark has "2023-09-28T12:00:00+00:00"; a fact can
     * only match across this header if it began in metadata, which no MultiHop-RAG fact does (all 1,915
     * dev facts occur in article bodies).
     */
    public static String benchmarkHeader(Hit hit) {
        return MultiHopCorpus.header(hit.title(), hit.published() == null ? "" : hit.published().toString(),
                hit.outlet()) + "\n\n";
    }

    /** The text scored for a hit: header plus passage text. */
    public String scoredText(Hit hit) {
        String header = passageHeader.apply(hit);
        return (header == null ? "" : header) + (hit.text() == null ? "" : hit.text());
    }

    /**
     * Retrieves for every non-null query and scores as the benchmark's {@code retrieval_evaluate.py} does.
     * Null queries are skipped entirely (not retrieved, not scored, not in the run file), as the script skips them.
     * To mirror the script's {@code --limit N}, pass {@code queries.subList(0, N)}: it limits by file order before
     * dropping null queries.
     *
     * @param queries queries in file order; a query's index in this list is its qid in the run file
     * @param k hits requested per query (SearchRequest limit, unfiltered), and run-file depth; metrics always
     *          use the top {@value RetrievalMetrics#DEPTH} of them, so use 10 (the benchmark's top_k) unless a deeper
     *          run file is wanted, and note that k &lt; 10 scores fewer passages than the benchmark does
     * @param runFile where to write a TREC run ({@code qid Q0 passageId rank score newsdesk}), if present
     */
    public MetricReport run(List<MultiHopQuery> queries, int k, Optional<Path> runFile) {
        if (k < 1 || k > 1000) throw new IllegalArgumentException("k " + k + " is outside 1..1000; use 10 as the benchmark does");
        List<RetrievalMetrics.QueryMetrics> scored = new ArrayList<>();
        try (TrecRun run = runFile.isPresent() ? TrecRun.open(runFile.get(), RUN_TAG) : null) {
            for (int i = 0; i < queries.size(); i++) {
                MultiHopQuery q = queries.get(i);
                if (q.isNull()) continue;
                List<Hit> hits;
                try {
                    hits = retriever.search(new SearchRequest(q.query(), Filters.NONE, k));
                } catch (RuntimeException e) {
                    throw new IllegalStateException("retrieval failed for query #" + i + " '" + q.query() + "': " + e.getMessage(), e);
                }
                if (run != null) run.write(Integer.toString(i), hits);
                List<String> texts = hits.stream().limit(RetrievalMetrics.DEPTH).map(this::scoredText).toList();
                scored.add(RetrievalMetrics.score(q.type(), texts, q.evidenceFacts()));
                if (scored.size() % 100 == 0) log.debug("scored {} queries", scored.size());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write run file '" + runFile.orElseThrow() + "': " + e.getMessage(), e);
        }
        return RetrievalMetrics.aggregate(scored);
    }

    /** {@link #abstention(Answerer, List, int)} over all queries. */
    public AbstentionReport abstention(Answerer answerer, List<MultiHopQuery> all) {
        return abstention(answerer, all, Integer.MAX_VALUE);
    }

    /**
     * Asks the answerer every selected query (unfiltered, no history) and counts abstentions.
     *
     * @param limit at most this many null queries and at most this many answerable queries, each taken in file
     *              order, so a small run still sees both kinds (answering can be slow: one chat call per query)
     */
    public AbstentionReport abstention(Answerer answerer, List<MultiHopQuery> all, int limit) {
        Objects.requireNonNull(answerer, "answerer");
        if (limit < 1) throw new IllegalArgumentException("limit " + limit + " < 1");
        int nulls = 0;
        int abstained = 0;
        int answerable = 0;
        int answered = 0;
        for (int i = 0; i < all.size(); i++) {
            MultiHopQuery q = all.get(i);
            boolean isNull = q.isNull();
            if ((isNull ? nulls : answerable) >= limit) continue;
            Answer answer;
            try {
                answer = answerer.answer(new Question(q.query()));
            } catch (RuntimeException e) {
                throw new IllegalStateException("answering failed for query #" + i + " '" + q.query() + "': " + e.getMessage(), e);
            }
            if (isNull) {
                nulls++;
                if (answer.abstained()) abstained++;
            } else {
                answerable++;
                if (!answer.abstained()) answered++;
            }
            if (nulls >= limit && answerable >= limit) break;
        }
        return new AbstentionReport(nulls, abstained, answerable, answered);
    }
}
