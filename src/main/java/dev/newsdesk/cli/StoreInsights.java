package dev.newsdesk.cli;

import dev.newsdesk.web.Insights;
import java.io.Closeable;
import java.io.PrintWriter;

/** The insights page's data source and the store it reads; closed with the server. */
final class StoreInsights implements Closeable {
    private final Insights insights;
    private final Closeable store;

    private StoreInsights(Insights insights, Closeable store) {
        this.insights = insights;
        this.store = store;
    }

    static StoreInsights open(App app, PrintWriter err) {
        return new StoreInsights(Insights.NONE, () -> { });
    }

    Insights orNone() {
        return insights;
    }

    @Override
    public void close() throws java.io.IOException {
        store.close();
    }
}
