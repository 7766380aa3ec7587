package dev.newsdesk.cli;

import dev.newsdesk.answer.Answer;
import dev.newsdesk.answer.Citation;
import dev.newsdesk.coverage.Comparison;
import dev.newsdesk.coverage.CoverageComparer;
import dev.newsdesk.retrieve.Filters;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "compare", description = "Compare how outlets covered a topic: what each reported, what others reported "
        + "that it did not, and where their numbers, quotations or attributions differ; with a chat model (--answerer or "
        + "answerer= in config/), also a checked overview written by the model.")
final class CompareCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;
    @Mixin
    CoverageOptions coverage;
    @Mixin
    ChatOptions chat;

    @Parameters(paramLabel = "TOPIC", arity = "1..*", description = "The topic or story.")
    List<String> words;

    @Option(names = "--outlets", paramLabel = "A,B,...", split = ",",
            description = "Outlets to compare (default: the up to 4 with most matching coverage).")
    List<String> outlets = new ArrayList<>();

    @Option(names = "--since", paramLabel = "YYYY-MM-DD", description = "Only articles published on or after this date.")
    LocalDate since;

    @Option(names = "--until", paramLabel = "YYYY-MM-DD", description = "Only articles published on or before this date.")
    LocalDate until;

    @Option(names = "--json", description = "Print JSON: topic, comparison, citations, outlets, disagreements.")
    boolean json;

    /** The --json shape; citations are the same objects as ask --json's, sentences the checks of a written overview. */
    record Output(String topic, String comparison, boolean abstained, String answerer, String note,
                  List<Citation> citations, List<Answer.SentenceCheck> sentences, List<Comparison.OutletSection> outlets,
                  List<Comparison.Disagreement> disagreements) {
        static Output of(Comparison c) {
            Answer a = c.answer();
            return new Output(c.topic(), a.text(), a.abstained(), a.answerer(), a.note(), a.citations(), a.sentences(),
                    c.outlets(), c.disagreements());
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = common.out();
        PrintWriter err = common.err();
        String topic = String.join(" ", words).strip();
        List<String> named = outlets.stream().flatMap(o -> Arrays.stream(o.split(","))).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        Filters filters;
        try {
            filters = new Filters(List.of(), since, until);
        } catch (IllegalArgumentException e) {
            err.println("newsdesk: " + e.getMessage());
            return 2;
        }
        try (App app = App.create(common)) {
            app.requireIndexedOutlets("--outlets", named, err);
            Comparison c = new CoverageComparer(app.retriever(err, false), coverage.grouper(app, err), app.coverageWriter(chat))
                    .comparison(topic, named, filters);
            if (json) out.println(Json.write(Output.of(c)));
            else AnswerPrinter.print(c.answer(), out);
            return 0;
        }
    }
}
