package dev.newsdesk.discord;

import dev.newsdesk.store.FeedbackRepository;
import java.util.List;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.selections.SelectOption;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The second and third steps of "Report a citation": the chosen citation number opens a modal asking what is wrong
 * (a choice of the usual reasons and an optional note); submitting it stores the report and thanks the user,
 * ephemerally. Custom ids {@code newsdesk:rep:sel:<id>} (the select) and {@code newsdesk:rep:mod:<id>:<n>} (the modal).
 */
record ReportCitation(Interactions interactions) implements ComponentHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ReportCitation.class);
    static final String PREFIX = "newsdesk:rep:";
    static final String SELECT = PREFIX + "sel:";
    static final String MODAL = PREFIX + "mod:";
    static final String REASON = "reason";
    static final String NOTE = "note";
    /** The reasons offered, value then label. */
    static final List<String[]> REASONS = List.of(
            new String[] {"unsupported", "The source doesn't say that"},
            new String[] {"wrong-date", "Wrong date"},
            new String[] {"wrong-outlet", "Wrong outlet"},
            new String[] {"other", "Something else"});
    static final int MAX_NOTE = 500;

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public void handle(IReplyCallback event, String payload) {
        if (payload.startsWith("sel:") && event instanceof StringSelectInteractionEvent select) {
            String id = payload.substring(4);
            String n = select.getValues().isEmpty() ? "" : select.getValues().getFirst();
            if (!id.matches("\\d{1,18}") || !n.matches("\\d{1,3}")) {
                Replies.ephemeral(event, FeedbackButtons.GONE);
                return;
            }
            select.replyModal(modal(Long.parseLong(id), Integer.parseInt(n)))
                    .queue(null, e -> LOG.debug("modal failed: {}", e.toString()));
            return;
        }
        if (payload.startsWith("mod:") && event instanceof ModalInteractionEvent modal) {
            String[] parts = payload.substring(4).split(":");
            if (parts.length != 2 || !parts[0].matches("\\d{1,18}") || !parts[1].matches("\\d{1,3}")) {
                Replies.ephemeral(event, FeedbackButtons.GONE);
                return;
            }
            long id = Long.parseLong(parts[0]);
            int n = Integer.parseInt(parts[1]);
            String reason = reason(modal);
            String user = event.getUser().getId();
            interactions.quickEphemeral(event, () -> Replies.textEmbed(null,
                    interactions.log().report(new FeedbackRepository.CitationReport(id, user, n, reason))
                            ? "Thanks: citation [" + n + "] is reported (" + reason + "). The people who run this bot will check it."
                            : FeedbackButtons.UNAVAILABLE));
            return;
        }
        Replies.ephemeral(event, FeedbackButtons.GONE);
    }

    static Modal modal(long id, int n) {
        StringSelectMenu reasons = StringSelectMenu.create(REASON).setPlaceholder("What is wrong?")
                .addOptions(REASONS.stream().map(r -> SelectOption.of(r[1], r[0])).toList()).build();
        TextInput note = TextInput.create(NOTE, TextInputStyle.PARAGRAPH).setRequired(false).setMaxLength(MAX_NOTE)
                .setPlaceholder("Optional: what does the source say instead?").build();
        return Modal.create(MODAL + id + ":" + n, "Report citation [" + n + "]")
                .addComponents(Label.of("What is wrong?", reasons), Label.of("Anything to add?", note)).build();
    }

    /** "wrong date", or "wrong date: the article is from 2021" with the note; values outside the list are ignored. */
    static String reason(ModalInteractionEvent modal) {
        ModalMapping r = modal.getValue(REASON);
        String chosen = "other";
        if (r != null) {
            try {
                List<String> values = r.getAsStringList();
                if (!values.isEmpty()) chosen = values.getFirst();
            } catch (RuntimeException e) {
                chosen = "other";
            }
        }
        String label = "something else";
        for (String[] known : REASONS) if (known[0].equals(chosen)) label = known[1].toLowerCase(java.util.Locale.ROOT);
        ModalMapping noteValue = modal.getValue(NOTE);
        String text = noteValue == null ? "" : noteValue.getAsString().strip();
        if (text.length() > MAX_NOTE) text = text.substring(0, MAX_NOTE);
        return text.isEmpty() ? label : label + ": " + AnswerFormatter.neutralise(text);
    }
}
