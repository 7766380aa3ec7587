package dev.newsdesk.cli;

import dev.newsdesk.answer.Answer;
import dev.newsdesk.answer.Question;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ask", description = "Answer a question from the coverage, citing every sentence; says so when the coverage does not answer.")
final class AskCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;
    @Mixin
    FilterOptions filters;

    @Mixin
    ChatOptions chat;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "Date that relative dates in the question count from (default: today).")
    java.time.LocalDate asOf;

    @Parameters(paramLabel = "QUESTION", arity = "1..*", description = "The question.")
    List<String> words;

    @Option(names = "--json", description = "Print JSON: question, answer, abstained, citations, lead, leadCitations.")
    boolean json;

    /**
     * The --json shape: stable keys other programs rely on. {@code lead} is the answer in a few verbatim words (null
     * when the coverage supports none) and {@code leadCitations} the citation numbers it rests on (empty without one).
     */
    record Output(Long id, String question, String answer, boolean abstained, String answerer, String note,
                  List<dev.newsdesk.answer.Citation> citations, List<Answer.SentenceCheck> sentences, String lead,
                  List<Integer> leadCitations) {
        static Output of(Answer a, Long id) {
            return new Output(id, a.question(), a.text(), a.abstained(), a.answerer(), a.note(), a.citations(), a.sentences(),
                    a.lead() == null ? null : a.lead().text(), a.lead() == null ? List.of() : a.lead().citations());
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = common.out();
        PrintWriter err = common.err();
        Question q;
        try {
            q = new Question(String.join(" ", words), filters.toFilters(), List.of());
        } catch (IllegalArgumentException e) {
            err.println("newsdesk: " + e.getMessage());
            return 2;
        }
        try (App app = App.create(common)) {
            if (asOf != null) app.asOf = asOf;
            app.requireIndexedOutlets("--outlet", q.filters().outlets(), err);
            Long id;
            try (var log = dev.newsdesk.store.AnswerLog.of(app.storeSettings())) {
                // the database opens (and migrates, the first time) on the second core while the answer is computed
                Thread opening = Thread.ofVirtual().start(log::open);
                long started = System.nanoTime();
                Answer a;
                try {
                    a = app.answerer(err, chat).answer(q);
                } finally {
                    // also when answering fails: the store must not still be migrating after it is closed
                    opening.join();
                }
                long ms = (System.nanoTime() - started) / 1_000_000;
                id = log.record(dev.newsdesk.store.Recording.of(a, q, ms, dev.newsdesk.store.QuestionRecord.Surface.CLI,
                        dev.newsdesk.store.Recording.cliUser(), null, null, null, app.catalog(err))).orElse(null);
                if (id == null) err.println("newsdesk: the answer was not recorded: " + log.status());
                if (json) out.println(Json.write(Output.of(a, id)));
                else AnswerPrinter.print(a, out, dev.newsdesk.answer.ReaderLink.base(app.config.get("web.base-url", null)));
            }
            return 0;
        }
    }
}
