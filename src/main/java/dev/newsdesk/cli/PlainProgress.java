package dev.newsdesk.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress for logs, CI and pipes: one complete line every few seconds (no carriage returns, which a log file keeps
 * as garbage), with counts, rate and time left.
 */
final class PlainProgress implements Progress {
    static final long INTERVAL_NANOS = 5_000_000_000L;
    private final PrintWriter err;
    private final String task;
    private final String unit;
    private final LongSupplier clock;
    private final long interval;
    private final long start;
    private long lastLine;

    PlainProgress(PrintWriter err, String task, String unit, LongSupplier nanoClock, long intervalNanos) {
        this.err = err;
        this.task = task;
        this.unit = unit;
        this.clock = nanoClock;
        this.interval = intervalNanos;
        this.start = nanoClock.getAsLong();
        this.lastLine = start;
    }

    @Override
    public synchronized void update(long done, long total, String detail) {
        long now = clock.getAsLong();
        // the end of a stage is followed by its summary line; a progress line saying 100% would repeat it
        if (now - lastLine < interval || done >= total) return;
        lastLine = now;
        err.println(line(done, total, detail, (now - start) / 1e9));
        err.flush();
    }

    String line(long done, long total, String detail, double seconds) {
        StringBuilder sb = new StringBuilder(task).append(": ");
        sb.append(String.format(Locale.ROOT, "%,d of %,d %s", done, total, unit));
        if (total > 0) sb.append(String.format(Locale.ROOT, " (%.0f%%)", 100.0 * done / total));
        if (seconds > 0 && done > 0) {
            double rate = done / seconds;
            sb.append(String.format(Locale.ROOT, ", %,.1f %s/s, about %s left", rate, unit, duration((total - done) / rate)));
        }
        if (detail != null) sb.append(", ").append(detail);
        return sb.toString();
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) return s + " s";
        if (s < 3600) return (s / 60) + " min " + (s % 60) + " s";
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }

    @Override
    public void close() {}
}
