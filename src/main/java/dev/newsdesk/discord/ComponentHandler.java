package dev.newsdesk.discord;

import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;

/**
 * Answers the interactions of the bot's message components (buttons, select menus) and modals. Each handler owns
 * the custom ids that start with its {@link #prefix()}; {@link NewsdeskBot} routes by it, so a new button or modal
 * is one class implementing this and one entry in the bot's list.
 *
 * <p>{@link #handle} runs on JDA's event thread and must return quickly: it acknowledges the interaction (reply
 * or defer) and hands slow work to the {@link Interactions} flows.
 */
interface ComponentHandler {
    /** The custom-id prefix this handler owns, e.g. {@code "newsdesk:src:"}; unique among the bot's handlers. */
    String prefix();

    /**
     * Handles one interaction whose custom id starts with {@link #prefix()}.
     *
     * @param event the button, select-menu or modal event (cast for its values)
     * @param payload the custom id after the prefix, as the handler encoded it; may be anything a client sent
     */
    void handle(IReplyCallback event, String payload);
}
