package dev.newsdesk.cli;

import dev.newsdesk.store.AnswerLog;
import dev.newsdesk.web.InsightsSource;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * The insights page's numbers from the store (the same query as {@code newsdesk insights}), through an
 * {@link AnswerLog} so a database that is down or missing makes the page say so instead of failing it. Closed with
 * the server.
 */
final class StoreInsights implements Closeable {
    private final AnswerLog log;

    private StoreInsights(AnswerLog log) {
        this.log = log;
    }

    static StoreInsights open(App app, PrintWriter err) {
        AnswerLog log = AnswerLog.of(app.storeSettings());
        // opened on first use, off the start-up path (migrating a new database takes a moment)
        return new StoreInsights(log);
    }

    InsightsSource orNone() {
        return log::insights;
    }

    @Override
    public void close() throws IOException {
        log.close();
    }
}
