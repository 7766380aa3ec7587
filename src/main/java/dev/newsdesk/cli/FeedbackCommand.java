package dev.newsdesk.cli;

import dev.newsdesk.store.FeedbackRepository;
import dev.newsdesk.store.QuestionRecord;
import dev.newsdesk.store.Store;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "feedback", description = "Vote on a stored answer (the id ask --json prints) or report one of its citations.")
final class FeedbackCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "ID", description = "The answer's id (ask --json prints it; history shows it).")
    long id;

    @Parameters(index = "1", paramLabel = "up|down", arity = "0..1", description = "Your vote on the whole answer.")
    String vote;

    @Option(names = "--citation", paramLabel = "N", description = "Report citation N of the answer as wrong.")
    Integer citation;

    @Option(names = "--reason", paramLabel = "TEXT",
            description = "Why, with --citation: e.g. \"the source doesn't say that\", \"wrong date\", \"wrong outlet\".")
    String reason;

    @Override
    public Integer call() throws Exception {
        if (vote == null && citation == null) {
            throw new IllegalArgumentException("say what you think of answer " + id + ": up, down, or --citation N [--reason TEXT]");
        }
        FeedbackRepository.Vote v = null;
        if (vote != null) {
            v = switch (vote.toLowerCase(Locale.ROOT)) {
                case "up", "👍" -> FeedbackRepository.Vote.UP;
                case "down", "👎" -> FeedbackRepository.Vote.DOWN;
                default -> throw new IllegalArgumentException("'" + vote + "' is not a vote; use up or down");
            };
        }
        if (reason != null && citation == null) {
            throw new IllegalArgumentException("--reason goes with --citation N: which citation is wrong?");
        }
        if (reason != null && reason.length() > 1000) {
            throw new IllegalArgumentException("--reason is " + reason.length() + " characters; keep it under 1000");
        }
        String user = dev.newsdesk.store.Recording.cliUser();
        try (Store store = Store.open(App.create(common).storeSettings())) {
            QuestionRecord q = store.questions().byId(id).orElseThrow(() -> new IllegalArgumentException(
                    "no stored answer has id " + id + "; newsdesk history lists the recent ones"));
            if (citation != null && (citation < 1 || citation > q.citations().size())) {
                throw new IllegalArgumentException("answer " + id + " has " + q.citations().size()
                        + " citations; --citation must be between 1 and " + q.citations().size());
            }
            if (v != null) {
                store.feedback().vote(id, user, v);
                common.out().printf("Thanks: your %s vote on answer %d is stored.%n", v.name().toLowerCase(Locale.ROOT), id);
            }
            if (citation != null) {
                store.feedback().reportCitation(new FeedbackRepository.CitationReport(id, user, citation, reason));
                common.out().printf("Thanks: citation [%d] of answer %d is reported%s.%n", citation, id,
                        reason == null ? "" : " (" + reason + ")");
            }
            return 0;
        }
    }
}
