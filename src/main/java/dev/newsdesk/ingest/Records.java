package dev.newsdesk.ingest;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * Where a {@link CorpusFormat} puts the records of one file: each becomes an article assembled (on the reader's
 * threads) with the file's {@link DocumentContext}, delivered in file order. The first record is held back until a
 * second one (or a failure) shows that the file holds several, because a one-article file takes the file stem as
 * id and the plain path as source. Not thread-safe: used on the reading thread only.
 */
final class Records {
    private final Path path;
    private final DocumentContext context;
    private final ArticleAssembler assembler;
    private final OrderedOutput out;
    private RawRecord pending;
    private int pendingIndex;
    private String pendingWhere;
    private int seen;
    private int added;

    Records(Path path, DocumentContext context, ArticleAssembler assembler, OrderedOutput out) {
        this.path = path;
        this.context = context;
        this.assembler = assembler;
        this.out = out;
    }

    /** The file's one article, parsed later where it is assembled (see {@link DocumentFormat}). */
    void document(Callable<RawRecord> parse) {
        seen++;
        out.article(path, "", () -> assembler.assemble(parse.call(), context, -1));
    }

    /** @param index 0-based position of the record in the file, hashed into its id when it has none */
    void add(RawRecord raw, int index) {
        add(raw, index, "");
    }

    /** @param where prefix for failure reasons, e.g. "line 7: " */
    void add(RawRecord raw, int index, String where) {
        seen++;
        added++;
        if (seen == 1) {
            pending = raw;
            pendingIndex = index;
            pendingWhere = where;
            return;
        }
        flushAsMany();
        emit(raw, index, where);
    }

    /** A record that cannot be read; it counts as a record, so the file holds several. */
    void fail(String reason) {
        seen++;
        flushAsMany();
        out.failure(path, reason);
    }

    /** Records read so far (each becomes an article unless assembling it fails); failures not counted. */
    int added() {
        return added;
    }

    /** Records and failures seen so far. */
    int seen() {
        return seen;
    }

    /** Emits a held-back first record as one of several: the file turned out to hold more (or to be damaged). */
    void flushAsMany() {
        if (pending != null) {
            RawRecord p = pending;
            pending = null;
            emit(p, pendingIndex, pendingWhere);
        }
    }

    /** The file is read to its end: a held-back first record was its only one. */
    void finish() {
        if (pending == null) return;
        RawRecord p = pending;
        pending = null;
        out.article(path, "", () -> assembler.assemble(p, context, -1));
    }

    private void emit(RawRecord raw, int index, String where) {
        out.article(path, where, () -> assembler.assemble(raw, context, index));
    }
}
