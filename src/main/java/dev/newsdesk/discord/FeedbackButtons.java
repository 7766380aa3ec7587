package dev.newsdesk.discord;

import dev.newsdesk.store.FeedbackRepository;
import dev.newsdesk.store.QuestionRecord;
import dev.newsdesk.store.StoredCitation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.selections.SelectOption;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The row under every stored answer: 👍, 👎 and "Report a citation". A vote is stored at once (one per user per
 * answer; pressing the other one changes it); "Report a citation" answers, ephemerally, with a select of the
 * answer's citations ({@link ReportCitation} takes it from there). Custom ids {@code newsdesk:fb:<id>:up|down|report},
 * the id being the answer's id in the store, so the buttons work after a restart.
 */
record FeedbackButtons(Interactions interactions) implements ComponentHandler {
    private static final Logger LOG = LoggerFactory.getLogger(FeedbackButtons.class);
    static final String PREFIX = "newsdesk:fb:";
    /** Source buttons under an answer with the feedback row: four rows of five. */
    static final int MAX_SOURCE_BUTTONS = 20;
    static final String UNAVAILABLE = "I could not store that right now (the database is unavailable); please try again later.";
    static final String GONE = "That answer is no longer stored (answers are kept for a limited time); ask again to give feedback.";

    @Override
    public String prefix() {
        return PREFIX;
    }

    static ActionRow row(long id, boolean withCitations) {
        List<Button> buttons = new ArrayList<>(List.of(
                Button.secondary(PREFIX + id + ":up", "👍"),
                Button.secondary(PREFIX + id + ":down", "👎")));
        if (withCitations) buttons.add(Button.secondary(PREFIX + id + ":report", "Report a citation"));
        return ActionRow.of(buttons);
    }

    @Override
    public void handle(IReplyCallback event, String payload) {
        String[] parts = payload.split(":");
        if (parts.length != 2 || !parts[0].matches("\\d{1,18}")) {
            Replies.ephemeral(event, GONE);
            return;
        }
        long id = Long.parseLong(parts[0]);
        String user = event.getUser().getId();
        switch (parts[1]) {
            case "up", "down" -> {
                FeedbackRepository.Vote vote = parts[1].equals("up") ? FeedbackRepository.Vote.UP : FeedbackRepository.Vote.DOWN;
                interactions.quickEphemeral(event, () -> Replies.textEmbed(null, interactions.log().vote(id, user, vote)
                        ? "Thanks: your " + (vote == FeedbackRepository.Vote.UP ? "👍" : "👎") + " on this answer is noted"
                          + " (press the other button to change it)."
                        : interactions.log().question(id).isEmpty() && interactions.log().status().equals("ok") ? GONE : UNAVAILABLE));
            }
            case "report" -> chooseCitation(event, id);
            default -> Replies.ephemeral(event, GONE);
        }
    }

    /** Replies with a select of the answer's citations; read from the store, so it works after a restart. */
    private void chooseCitation(IReplyCallback event, long id) {
        if (!interactions.work().accepting()) {
            Replies.ephemeral(event, Replies.CLOSING);
            return;
        }
        event.deferReply(true).queue(null, e -> LOG.debug("defer failed: {}", e.toString()));
        InteractionHook hook = event.getHook();
        boolean queued = interactions.work().runQuick(() -> {
            Optional<QuestionRecord> q = interactions.log().question(id);
            if (q.isEmpty() || q.get().citations().isEmpty()) {
                Replies.fail(hook, interactions.log().status().equals("ok") ? GONE : UNAVAILABLE, true);
                return;
            }
            List<SelectOption> options = new ArrayList<>();
            for (StoredCitation c : q.get().citations().stream().limit(StringSelectMenu.OPTIONS_MAX_AMOUNT).toList()) {
                String label = AnswerFormatter.shorten("[" + c.n() + "] " + (c.outlet() == null ? "" : c.outlet()), 100);
                String description = AnswerFormatter.shorten(c.quote().replaceAll("\\s+", " "), 100);
                options.add(SelectOption.of(label, Integer.toString(c.n())).withDescription(description));
            }
            StringSelectMenu menu = StringSelectMenu.create(ReportCitation.SELECT + id)
                    .setPlaceholder("Which citation is wrong?").addOptions(options).build();
            try {
                hook.editOriginal(new MessageEditBuilder().setContent("Which citation does not check out?")
                        .setComponents(ActionRow.of(menu)).setAllowedMentions(Replies.NO_MENTIONS).build()).complete();
            } catch (RuntimeException e) {
                LOG.warn("could not offer the citations: {}", e.toString());
            }
        });
        if (!queued) Replies.fail(hook, Replies.BUSY, true);
    }
}
