package dev.newsdesk.cli;

import dev.newsdesk.store.QuestionRecord;
import dev.newsdesk.store.Store;
import dev.newsdesk.store.StoreSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "history", description = "Recent stored questions and answers, newest first.")
final class HistoryCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--limit", defaultValue = "20", paramLabel = "N", description = "How many (default 20).")
    int limit;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    /** One row of --json output; the keys other programs read. */
    record Entry(long id, String askedAt, String surface, String question, String answer, boolean abstained,
                 dev.newsdesk.store.FeedbackRepository.Summary feedback) {}

    @Override
    public Integer call() throws Exception {
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1, got " + limit);
        }
        StoreSettings settings = App.create(common).storeSettings();
        try (Store store = Store.open(settings)) {
            List<QuestionRecord> recent = store.questions().recent(limit);
            if (json) {
                common.out().println(Json.write(recent.stream().map(q -> new Entry(q.id(), q.askedAt().toString(),
                        q.surface().name().toLowerCase(java.util.Locale.ROOT), q.question(), q.answer(), q.abstained(),
                        store.feedback().summaryOf(q.id()))).toList()));
                return 0;
            }
            for (QuestionRecord q : recent) {
                var f = store.feedback().summaryOf(q.id());
                String votes = f.up() + f.down() + f.citationsFlagged() == 0 ? ""
                        : String.format(" (%d up, %d down, %d citations reported)", f.up(), f.down(), f.citationsFlagged());
                common.out().printf("#%d %s [%s]%s%s%n  Q: %s%n  A: %s%n", q.id(), q.askedAt(), q.surface(),
                        q.abstained() ? " abstained" : "", votes, q.question(), q.answer());
            }
            return 0;
        }
    }
}
