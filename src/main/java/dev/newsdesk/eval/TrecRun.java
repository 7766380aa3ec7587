package dev.newsdesk.eval;

import dev.newsdesk.retrieve.Hit;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes a TREC run file: one line per retrieved passage, {@code qid Q0 docid rank score tag}, space-separated,
 * ranks from 1. Scores are written as given: trec_eval re-sorts each query's lines by score (ties by docid), so a
 * retriever whose scores are not non-increasing in rank order will be scored in a different order. Not thread-safe.
 */
public final class TrecRun implements Closeable {
    private static final Pattern WHITESPACE = Pattern.compile("\\s");

    private final Writer out;
    private final String runTag;

    /** Writes to {@code out}, which this object then owns and closes. */
    public TrecRun(Writer out, String runTag) {
        this.out = out;
        this.runTag = checkToken("run tag", runTag);
    }

    /** Creates (or truncates) {@code file}, creating missing parent directories. */
    public static TrecRun open(Path file, String runTag) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        return new TrecRun(writer, runTag);
    }

    /** Writes the ranked hits of one query, rank 1 first. */
    public void write(String qid, List<Hit> hits) {
        try {
            for (int i = 0; i < hits.size(); i++) {
                Hit hit = hits.get(i);
                out.write(line(qid, hit.passageId(), i + 1, hit.score(), runTag));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write run lines for query " + qid, e);
        }
    }

    /** One run line without the line break. */
    public static String line(String qid, String docId, int rank, double score, String runTag) {
        if (rank < 1) throw new IllegalArgumentException("rank " + rank + " < 1");
        if (!Double.isFinite(score)) throw new IllegalArgumentException("score " + score + " of " + docId + " is not finite");
        return checkToken("qid", qid) + " Q0 " + checkToken("passage id", docId) + " " + rank + " " + score + " "
                + checkToken("run tag", runTag);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private static String checkToken(String what, String value) {
        if (value == null || value.isEmpty() || WHITESPACE.matcher(value).find()) {
            throw new IllegalArgumentException(what + " '" + value + "' must be non-empty and free of whitespace in a TREC run");
        }
        return value;
    }
}
