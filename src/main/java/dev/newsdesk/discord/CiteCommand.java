package dev.newsdesk.discord;

import dev.newsdesk.answer.Answer;
import dev.newsdesk.answer.Citation;
import net.dv8tion.jda.api.events.interaction.command.GenericCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;

/**
 * {@code /cite number}: citation n of the last answer given in this channel or thread: the quoted span inside its
 * surrounding article text, headline, outlet, date and link.
 */
record CiteCommand(RecentAnswers recent, AnswerMessages messages, Interactions interactions) implements SlashCommand {
    @Override
    public CommandData data() {
        return Commands.slash("cite", "Show a citation of the last answer in this channel, in context")
                .addOptions(new OptionData(OptionType.INTEGER, "number", "The citation number, e.g. 2 for [2]", true)
                        .setRequiredRange(1, 100))
                .setContexts(InteractionContextType.GUILD);
    }

    @Override
    public void handle(GenericCommandInteractionEvent event) {
        OptionMapping m = event.getOption("number");
        // Discord enforces the declared range, but a value outside int (from a proxy or a stale command
        // definition) must still get the polite "no such citation" reply, not an overflow
        long n = m == null ? 0 : m.getAsLong();
        Answer last = recent.lastIn(event.getChannelIdLong()).orElse(null);
        if (last == null) {
            Replies.ephemeral(event, "There is no recent answer in this channel; ask with /ask first.");
            return;
        }
        Citation c = last.citations().stream().filter(x -> x.n() == n).findFirst().orElse(null);
        if (c == null) {
            Replies.ephemeral(event, last.citations().isEmpty() ? "The last answer here has no citations."
                    : "The last answer here has citations 1 to " + last.citations().size() + "; there is no [" + n + "].");
            return;
        }
        interactions.quickPublic(event, () -> messages.citation(c));
    }
}
