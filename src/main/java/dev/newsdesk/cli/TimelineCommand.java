package dev.newsdesk.cli;

import dev.newsdesk.answer.Answer;
import dev.newsdesk.answer.Citation;
import dev.newsdesk.coverage.Timeline;
import dev.newsdesk.coverage.TimelineBuilder;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "timeline", description = "The dated events of a story in date order, as the coverage reports them, "
        + "each with citations; dates stated relative to publication (\"on Tuesday\") are resolved.")
final class TimelineCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;
    @Mixin
    FilterOptions filters;
    @Mixin
    CoverageOptions coverage;

    @Parameters(paramLabel = "TOPIC", arity = "1..*", description = "The topic or story.")
    List<String> words;

    @Option(names = "--json", description = "Print JSON: topic, timeline, citations, events.")
    boolean json;

    record Output(String topic, String timeline, boolean abstained, String answerer, String note,
                  List<Citation> citations, List<Timeline.Event> events) {
        static Output of(Timeline t) {
            Answer a = t.answer();
            return new Output(t.topic(), a.text(), a.abstained(), a.answerer(), a.note(), a.citations(), t.events());
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = common.out();
        PrintWriter err = common.err();
        String topic = String.join(" ", words).strip();
        try (App app = App.create(common)) {
            app.requireIndexedOutlets("--outlet", filters.toFilters().outlets(), err);
            Timeline t = new TimelineBuilder(app.retriever(err, false), coverage.grouper(app, err)).build(topic, filters.toFilters());
            if (json) out.println(Json.write(Output.of(t)));
            else AnswerPrinter.print(t.answer(), out);
            return 0;
        }
    }
}
