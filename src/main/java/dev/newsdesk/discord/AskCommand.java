package dev.newsdesk.discord;

import dev.newsdesk.answer.Answerer;
import dev.newsdesk.answer.Question;
import dev.newsdesk.retrieve.Catalog;
import java.util.List;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.GenericCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;

/** {@code /ask question [outlet] [since] [until]}: a grounded answer with numbered citations. */
record AskCommand(Answerer answerer, Interactions interactions, Catalog outlets) implements SlashCommand {
    @Override
    public CommandData data() {
        return Commands.slash("ask", "Ask a question about the news coverage; the answer cites its sources")
                .addOptions(new OptionData(OptionType.STRING, "question", "What do you want to know?", true)
                                .setMaxLength(Question.MAX_CHARS),
                        CommandOptions.outlet(), CommandOptions.since(), CommandOptions.until())
                .setContexts(InteractionContextType.GUILD);
    }

    @Override
    public void handle(GenericCommandInteractionEvent event) {
        Question q;
        try {
            q = new Question(CommandOptions.text(event, "question"), CommandOptions.indexedFilters(event, outlets), List.of());
        } catch (IllegalArgumentException e) {
            Replies.ephemeral(event, e.getMessage());
            return;
        }
        interactions.ask(event, q, () -> answerer.answer(q));
    }

    @Override
    public void autocomplete(CommandAutoCompleteInteractionEvent event) {
        event.replyChoices(CommandOptions.outletChoices(outlets, event.getFocusedOption().getValue())).queue();
    }
}
