package dev.newsdesk.cli;

import dev.newsdesk.answer.Answer;
import dev.newsdesk.answer.Citation;
import dev.newsdesk.coverage.CoverageSummarizer;
import dev.newsdesk.coverage.Summary;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "summary", description = "The key points of the coverage of a topic, each cited to every article that reports it; "
        + "with a chat model (--answerer or answerer= in config/), written by the model and checked like an answer.")
final class SummaryCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;
    @Mixin
    FilterOptions filters;
    @Mixin
    CoverageOptions coverage;
    @Mixin
    ChatOptions chat;

    @Parameters(paramLabel = "TOPIC", arity = "1..*", description = "The topic or story.")
    List<String> words;

    @Option(names = "--json", description = "Print JSON: topic, summary, abstained, citations, points.")
    boolean json;

    /** The --json shape; citations are the same objects as ask --json's. */
    record Output(String topic, String summary, boolean abstained, String answerer, String note,
                  List<Citation> citations, List<Answer.SentenceCheck> sentences, List<Summary.Point> points) {
        static Output of(Summary s) {
            Answer a = s.answer();
            return new Output(s.topic(), a.text(), a.abstained(), a.answerer(), a.note(), a.citations(), a.sentences(), s.points());
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = common.out();
        PrintWriter err = common.err();
        String topic = String.join(" ", words).strip();
        try (App app = App.create(common)) {
            app.requireIndexedOutlets("--outlet", filters.toFilters().outlets(), err);
            Summary s = new CoverageSummarizer(app.retriever(err, false), coverage.grouper(app, err), app.coverageWriter(chat))
                    .summary(topic, filters.toFilters());
            if (json) out.println(Json.write(Output.of(s)));
            else AnswerPrinter.print(s.answer(), out);
            return 0;
        }
    }
}
