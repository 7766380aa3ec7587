package dev.newsdesk.discord;

import net.dv8tion.jda.api.events.interaction.command.GenericCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;

/** {@code /forget-me}: deletes every question, vote and report the caller left, ephemerally confirmed. */
record ForgetMeCommand(Interactions interactions) implements SlashCommand {
    @Override
    public CommandData data() {
        return Commands.slash("forget-me", "Delete everything newsdesk stored about you (questions, votes, reports)")
                .setContexts(InteractionContextType.GUILD);
    }

    @Override
    public boolean usesAllowLists() {
        return false; // anyone may ask to be forgotten, wherever the bot can hear them
    }

    @Override
    public void handle(GenericCommandInteractionEvent event) {
        String user = event.getUser().getId();
        interactions.quickEphemeral(event, () -> {
            var removed = interactions.log().forgetUser(user);
            return Replies.textEmbed(null, removed.isPresent()
                    ? "Done: everything newsdesk stored about you is deleted (" + removed.getAsInt() + " records)."
                      + " Answers you ask from now on are stored again, for a limited time."
                    : FeedbackButtons.UNAVAILABLE);
        });
    }
}
