package dev.newsdesk.discord;

import java.util.EnumSet;
import java.util.function.Supplier;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.Message.MentionType;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's short replies: the sentences users see when something cannot be done, and the three ways of sending
 * them (before acknowledging, on a deferred hook, as an embed). Every message pings nobody and is cut to Discord's
 * limits after mass mentions are neutralised.
 */
final class Replies {
    private static final Logger LOG = LoggerFactory.getLogger(Replies.class);
    static final EnumSet<MentionType> NO_MENTIONS = EnumSet.noneOf(MentionType.class);
    static final String BUSY = "I am answering a lot of questions right now; please try again in a minute.";
    static final String CLOSING = "The bot is restarting; please try again in a minute.";
    static final String FAILED = "Sorry, something went wrong while answering. Please try again later.";

    /**
     * The reply for a failed task: when search itself is unavailable (the cluster is down, the index missing), one
     * sentence with the reason and the next step, so users and admins know it is not their question; else {@link #FAILED}.
     */
    static String failure(RuntimeException e) {
        String unavailable = unavailable(e);
        return unavailable != null ? unavailable : FAILED;
    }

    /** For the log: the unavailable sentence (the operator's to act on, no class name), else the exception. */
    static String logged(RuntimeException e) {
        String unavailable = unavailable(e);
        return unavailable != null ? unavailable : e.toString();
    }

    private static String unavailable(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof dev.newsdesk.retrieve.IndexUnavailableException u) {
                String why = u.getMessage() == null ? "the index cannot be opened" : u.getMessage().strip();
                return "Search is unavailable: " + why + (why.endsWith(".") ? "" : ".");
            }
        }
        return null;
    }
    static final int EMBED_COLOR = 0x2B6CB0;

    private Replies() {
    }

    /** An ephemeral, short reply that pings nobody. Use before the interaction was acknowledged. */
    static void ephemeral(IReplyCallback event, String text) {
        event.reply(safe(text)).setEphemeral(true).setAllowedMentions(NO_MENTIONS)
                .queue(null, e -> LOG.debug("reply failed: {}", e.toString()));
    }

    /**
     * Replaces a publicly deferred response with a short ephemeral error: the public "thinking…" message is
     * deleted and an ephemeral follow-up is sent, so errors are seen only by the person who asked.
     */
    static void failEphemeral(InteractionHook hook, String text) {
        fail(hook, text, false);
    }

    /** Reports an error on a hook; {@code ephemeralDefer} when the interaction was deferred ephemerally. */
    static void fail(InteractionHook hook, String text, boolean ephemeralDefer) {
        String msg = safe(text);
        try {
            if (hook.isExpired()) return;
            if (ephemeralDefer) {
                hook.editOriginal(new MessageEditBuilder().setContent(msg)
                        .setAllowedMentions(NO_MENTIONS).build()).complete();
            } else {
                hook.deleteOriginal().complete();
                hook.sendMessage(msg).setEphemeral(true).setAllowedMentions(NO_MENTIONS).complete();
            }
        } catch (RuntimeException e) {
            LOG.debug("could not report an error to the user: {}", e.toString());
        }
    }

    /**
     * Computes an embed and makes it the deferred response; a {@link UserError} becomes its message, any other
     * failure the generic {@link #FAILED}. Blocks on the REST call, so a finished task means the reply was sent.
     */
    static void editTo(InteractionHook hook, Supplier<MessageEmbed> work, boolean ephemeral) {
        MessageEmbed embed;
        try {
            embed = work.get();
        } catch (UserError e) {
            fail(hook, e.getMessage(), ephemeral);
            return;
        } catch (RuntimeException e) {
            LOG.warn("command failed: {}", logged(e));
            fail(hook, failure(e), ephemeral);
            return;
        }
        try {
            hook.editOriginal(new MessageEditBuilder().setEmbeds(embed).setAllowedMentions(NO_MENTIONS).build()).complete();
        } catch (RuntimeException e) {
            LOG.warn("could not send a response: {}", e.toString());
        }
    }

    static MessageEmbed textEmbed(String title, String description) {
        EmbedBuilder eb = new EmbedBuilder().setColor(EMBED_COLOR)
                .setDescription(AnswerFormatter.shorten(AnswerFormatter.neutralise(description), AnswerFormatter.EMBED_DESCRIPTION_LIMIT));
        if (title != null) eb.setTitle(AnswerFormatter.shorten(AnswerFormatter.neutralise(title), AnswerFormatter.EMBED_TITLE_LIMIT));
        return eb.build();
    }

    private static String safe(String text) {
        return AnswerFormatter.shorten(AnswerFormatter.neutralise(text), AnswerFormatter.CONTENT_LIMIT);
    }
}
