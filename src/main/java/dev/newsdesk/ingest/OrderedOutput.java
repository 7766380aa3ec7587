package dev.newsdesk.ingest;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands articles and failures to an {@link ArticleSink} in reading order. Articles are assembled on a pool of
 * threads (or at once when there is one thread); everything waits in one queue, so a failure found while reading
 * never overtakes an article read before it, and the sink sees exactly what a one-thread read would give it. The
 * sink is only ever called from the reading thread. Owns its pool: close it when the read ends.
 *
 * <p>Exceptions the sink itself throws come out wrapped in {@link SinkException}, so that code reporting bad input
 * can tell them apart and let them through.
 */
final class OrderedOutput implements AutoCloseable {
    /** The reader's logger: a skipped record is logged under the class that reads the corpus, as it always was. */
    private static final Logger log = LoggerFactory.getLogger(CorpusReader.class);

    /**
     * Records being assembled or waiting for delivery, per assembling thread: enough to keep the threads busy
     * while one slow record (a long article) is finished, few enough that memory stays bounded by a few hundred
     * records even for a 200 MB file.
     */
    private static final int IN_FLIGHT_PER_THREAD = 32;

    /** An article being assembled, or a failure known at once (then {@code future} is null). */
    private record Item(Path path, String where, Future<Article> future, String failure, boolean incomplete) {}

    private final ArticleSink sink;
    private final ExecutorService pool;
    private final int window;
    private final ArrayDeque<Item> queue = new ArrayDeque<>();

    /** @param threads threads that assemble articles; 1 does everything on the calling thread */
    OrderedOutput(ArticleSink sink, int threads) {
        this.sink = sink;
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "newsdesk-read");
            t.setDaemon(true); // never keeps the JVM alive, even if a caller forgets to finish a read
            return t;
        });
        this.window = threads * IN_FLIGHT_PER_THREAD;
    }

    /** @param where prefix for the failure reason when assembling fails, e.g. "line 7: " */
    void article(Path path, String where, Callable<Article> assemble) {
        if (pool == null) {
            deliver(path, where, assemble);
            return;
        }
        queue.add(new Item(path, where, pool.submit(assemble), null, false));
        while (queue.size() > window) deliver(queue.poll());
    }

    void failure(Path path, String reason) {
        if (queue.isEmpty()) sinkFailure(path, reason);
        else queue.add(new Item(path, "", null, reason, false));
    }

    /** A file that broke off after some records: see {@link ArticleSink#incomplete}. */
    void incomplete(Path path, String reason) {
        if (queue.isEmpty()) sinkIncomplete(path, reason);
        else queue.add(new Item(path, "", null, reason, true));
    }

    /** Delivers everything still queued; call once reading is done. */
    void drain() {
        while (!queue.isEmpty()) deliver(queue.poll());
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdownNow();
    }

    private void deliver(Item item) {
        if (item.future() == null) {
            if (item.incomplete()) sinkIncomplete(item.path(), item.failure());
            else sinkFailure(item.path(), item.failure());
            return;
        }
        deliver(item.path(), item.where(), () -> {
            try {
                return item.future().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                // not the corpus's fault: passed through to read's caller like a sink's own exception
                throw new SinkException(new CancellationException("reading the corpus was interrupted"));
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception c ? c : new IllegalStateException(e.getCause());
            }
        });
    }

    /** Runs (or collects) one assembly and reports its article, or its failure as CorpusReader would word it. */
    private void deliver(Path path, String where, Callable<Article> assemble) {
        Article a;
        try {
            a = assemble.call();
        } catch (BadInputException e) {
            sinkFailure(path, where + e.getMessage());
            return;
        } catch (SinkException e) {
            throw e;
        } catch (Exception e) {
            // A parser bug or a pathological record must not end the whole ingest; name it so it can be reported.
            log.warn("unexpected error reading {}", path, e);
            sinkFailure(path, "unexpected error (" + e + "); skipped; please report this with the file");
            return;
        }
        try {
            sink.article(a);
        } catch (RuntimeException e) {
            throw new SinkException(e);
        }
    }

    private void sinkFailure(Path path, String reason) {
        try {
            sink.failure(path, reason);
        } catch (RuntimeException e) {
            throw new SinkException(e);
        }
    }

    private void sinkIncomplete(Path path, String reason) {
        try {
            sink.incomplete(path, reason);
        } catch (RuntimeException e) {
            throw new SinkException(e);
        }
    }

    /** Marks exceptions thrown by the caller's sink so they are rethrown, not reported as a bad file. */
    static final class SinkException extends RuntimeException {
        SinkException(RuntimeException cause) {
            super(cause);
        }
    }
}
