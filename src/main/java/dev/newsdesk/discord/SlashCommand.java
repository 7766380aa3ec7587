package dev.newsdesk.discord;

import java.util.List;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.GenericCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;

/**
 * One Discord application command (slash command or context-menu entry). An implementation takes what it uses
 * in its constructor (the answerer, {@link Interactions}, a catalog...) and is registered in {@link NewsdeskBot}'s
 * list; {@link #handle} runs on JDA's event thread and must return quickly: it acknowledges the interaction
 * (reply or defer) and hands slow work to the {@link WorkQueue} through {@link Interactions}.
 */
public interface SlashCommand {
    /** The command name as registered (unique among this bot's commands of the same type). */
    default String name() {
        return data().getName();
    }

    /** What is registered with Discord. */
    CommandData data();

    /**
     * Whether the configured channel and role allow-lists apply (the dispatcher checks them before {@link #handle}).
     * Admin commands say false: they check admin roles themselves and work in any channel.
     */
    default boolean usesAllowLists() {
        return true;
    }

    /**
     * Why the command cannot run in this bot (e.g. "Summaries are not available yet; ..."), or null when it can.
     * The dispatcher replies with it, ephemerally, before {@link #handle}.
     */
    default String unavailable() {
        return null;
    }

    /**
     * Handles an invocation; called only for events whose name (and type) match {@link #data()}, from a member the
     * allow-lists admit when {@link #usesAllowLists()}. A {@link UserError} thrown before acknowledging becomes an
     * ephemeral reply with its message.
     */
    void handle(GenericCommandInteractionEvent event);

    /** Answers autocomplete for a focused option; the default offers nothing. */
    default void autocomplete(CommandAutoCompleteInteractionEvent event) {
        event.replyChoices(List.of()).queue();
    }
}
