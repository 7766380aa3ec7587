package dev.newsdesk.cli;

import dev.newsdesk.index.IngestListener;
import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * What a long job (ingest, eval, bench, poll) shows while it runs, on stderr only so that {@code --json} on stdout
 * stays clean: a bar with counts, rate and time left on a terminal, one plain line every few seconds in logs and
 * pipes, nothing with {@code --quiet}. Open one per stage; close it when the stage ends.
 */
interface Progress extends AutoCloseable {
    /** {@code done} of {@code total} units; {@code detail} is shown after the counts (e.g. "4,120 passages"), or null. */
    void update(long done, long total, String detail);

    /** Ends the stage: a bar is finished on its own line; nothing else is printed. */
    @Override
    void close();

    Progress NONE = new Progress() {
        @Override
        public void update(long done, long total, String detail) {}

        @Override
        public void close() {}
    };

    /** Where and how progress is shown; one per command run. */
    record Output(PrintWriter err, Mode mode, LongSupplier nanoClock) {
        enum Mode { NONE, BAR, LINES }

        /** The mode for this process: none with --quiet, a bar when stderr is a terminal, else plain lines. */
        static Output of(PrintWriter err, boolean quiet) {
            Mode mode = quiet ? Mode.NONE : Terminals.stderrIsTerminal() ? Mode.BAR : Mode.LINES;
            return new Output(err, mode, System::nanoTime);
        }

        /**
         * @param task what runs, e.g. "ingest"
         * @param unit what is counted, e.g. "articles"
         */
        Progress open(String task, String unit) {
            return switch (mode) {
                case NONE -> NONE;
                case BAR -> new TerminalProgress(err, task, unit);
                case LINES -> new PlainProgress(err, task, unit, nanoClock, PlainProgress.INTERVAL_NANOS);
            };
        }

        /** An ingest's article counts, shown as progress of {@code stage} (the caller closes the stage). */
        IngestListener ingest(Progress stage) {
            return new IngestListener() {
                @Override
                public void progress(int done, int total, int passages) {
                    stage.update(done, total, String.format(java.util.Locale.ROOT, "%,d passages", passages));
                }
            };
        }
    }
}
