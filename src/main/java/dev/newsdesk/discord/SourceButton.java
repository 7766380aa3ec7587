package dev.newsdesk.discord;

import dev.newsdesk.answer.Answer;
import dev.newsdesk.answer.Citation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;

/**
 * The "Source n" buttons under an answer: a press shows citation n in context, ephemerally. The custom id is
 * {@code newsdesk:src:<answer key>:<n>}, the key being the answer's entry in {@link RecentAnswers}.
 */
record SourceButton(RecentAnswers recent, AnswerMessages messages, Interactions interactions) implements ComponentHandler {
    static final String PREFIX = "newsdesk:src:";
    static final String FORGOTTEN = "This answer is no longer in my memory; ask again to see its sources.";

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public void handle(IReplyCallback event, String payload) {
        String[] parts = payload.split(":");
        Optional<Answer> answer = parts.length == 2 ? recent.byKey(parts[0]) : Optional.empty();
        int n = parts.length == 2 && parts[1].matches("\\d{1,3}") ? Integer.parseInt(parts[1]) : -1;
        Optional<Citation> c = answer.flatMap(a -> a.citations().stream().filter(x -> x.n() == n).findFirst());
        if (c.isEmpty()) {
            Replies.ephemeral(event, FORGOTTEN);
            return;
        }
        interactions.quickEphemeral(event, () -> messages.citation(c.get()));
    }

    /** Up to 25 "Source n" buttons, 5 per row, for the answer remembered under {@code key}. */
    static List<ActionRow> rows(String key, List<Citation> citations) {
        return rows(key, citations, AnswerFormatter.MAX_SOURCE_BUTTONS);
    }

    /** At most {@code max} buttons (a message holds five rows; the feedback row takes one). */
    static List<ActionRow> rows(String key, List<Citation> citations, int max) {
        List<Button> buttons = citations.stream().limit(max)
                .map(c -> Button.secondary(PREFIX + key + ":" + c.n(), AnswerFormatter.buttonLabel(c))).toList();
        List<ActionRow> rows = new ArrayList<>();
        for (int i = 0; i < buttons.size(); i += 5) rows.add(ActionRow.of(buttons.subList(i, Math.min(i + 5, buttons.size()))));
        return rows;
    }
}
