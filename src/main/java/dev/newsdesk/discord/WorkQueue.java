package dev.newsdesk.discord;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's two bounded worker pools: {@code answers} (slow: answerer, summary, compare; at most
 * {@code discord.max-concurrent-answers} running plus {@code discord.queue-bound} waiting) and {@code quick}
 * (catalog look-ups, retrieval for /source, buttons). Handlers on JDA's event thread only reserve and submit here.
 * Workers block on REST calls with {@code complete()}, so a finished task means its messages were sent:
 * {@link #close(Duration)} relies on it.
 */
final class WorkQueue {
    private static final Logger LOG = LoggerFactory.getLogger(WorkQueue.class);
    private final Semaphore answerSlots;
    private final ThreadPoolExecutor answers;
    private final ThreadPoolExecutor quick;
    private volatile boolean accepting = true;

    WorkQueue(int maxConcurrentAnswers, int queueBound) {
        int n = maxConcurrentAnswers;
        // Permits cover running plus queued answers, so the queue below can never overflow.
        this.answerSlots = new Semaphore(n + queueBound);
        this.answers = new ThreadPoolExecutor(n, n, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                threads("newsdesk-answer"));
        this.answers.allowCoreThreadTimeOut(true);
        this.quick = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(4 * queueBound),
                threads("newsdesk-quick"));
        this.quick.allowCoreThreadTimeOut(true);
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Reserves room for one answer; false when the queue is full or the bot is closing. */
    boolean tryReserveAnswer() {
        return accepting && answerSlots.tryAcquire();
    }

    /** Runs a reserved answer task; the reservation is released when it ends. */
    void runAnswer(Runnable task, Runnable onRejected) {
        try {
            answers.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warn("answer task failed: {}", e.toString());
                } finally {
                    answerSlots.release();
                }
            });
        } catch (RejectedExecutionException e) {
            answerSlots.release();
            onRejected.run();
        }
    }

    /** Runs a short task (catalog look-ups, formatting); false when it cannot be accepted. */
    boolean runQuick(Runnable task) {
        if (!accepting) return false;
        try {
            quick.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warn("task failed: {}", e.toString());
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    boolean accepting() {
        return accepting;
    }

    /** What to tell someone whose work could not be reserved: busy, or restarting. */
    String refusal() {
        return accepting ? Replies.BUSY : Replies.CLOSING;
    }

    /** Stops accepting work and waits up to {@code grace} for in-flight answers; true when all finished. */
    boolean close(Duration grace) {
        accepting = false;
        answers.shutdown();
        quick.shutdown();
        long deadline = System.nanoTime() + grace.toNanos();
        boolean done;
        try {
            done = answers.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
                    & quick.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done = false;
        }
        if (!done) {
            answers.shutdownNow();
            quick.shutdownNow();
        }
        return done;
    }
}
