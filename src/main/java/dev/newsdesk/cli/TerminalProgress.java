package dev.newsdesk.cli;

import java.io.PrintWriter;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar redrawn in place on a terminal (me.tongfei:progressbar: counts, rate, time left), drawn on the
 * command's stderr writer rather than System.err so it never interleaves with what the command prints there.
 */
final class TerminalProgress implements Progress {
    private final ProgressBar bar;

    TerminalProgress(PrintWriter err, String task, String unit) {
        this.bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(-1).setUnit(" " + unit, 1).showSpeed()
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).setConsumer(new LineConsumer(err)).build();
    }

    @Override
    public synchronized void update(long done, long total, String detail) {
        if (total > 0 && bar.getMax() != total) bar.maxHint(total);
        bar.stepTo(done);
        if (detail != null) bar.setExtraMessage(", " + detail);
    }

    @Override
    public void close() {
        bar.close();
    }

    /** Redraws the line with a carriage return; the library's own console consumer would ask JLine for the width. */
    private static final class LineConsumer implements ProgressBarConsumer {
        private final PrintWriter err;
        private final int width;

        LineConsumer(PrintWriter err) {
            this.err = err;
            this.width = columns();
        }

        private static int columns() {
            try {
                String c = System.getenv("COLUMNS");
                return c == null ? 100 : Math.max(40, Integer.parseInt(c.strip()) - 1);
            } catch (NumberFormatException e) {
                return 100;
            }
        }

        @Override
        public int getMaxRenderedLength() {
            return width;
        }

        @Override
        public void accept(String rendered) {
            err.print('\r');
            err.print(rendered);
            err.flush();
        }

        @Override
        public void close() {
            err.println();
            err.flush();
        }
    }
}
