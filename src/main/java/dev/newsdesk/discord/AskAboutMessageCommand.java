package dev.newsdesk.discord;

import dev.newsdesk.answer.Answerer;
import dev.newsdesk.answer.Question;
import java.util.List;
import net.dv8tion.jda.api.events.interaction.command.GenericCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;

/** Message context menu "Ask newsdesk about this": the message's text becomes the question. */
record AskAboutMessageCommand(Answerer answerer, Interactions interactions) implements SlashCommand {
    static final String NAME = "Ask newsdesk about this";

    @Override
    public CommandData data() {
        return Commands.context(Command.Type.MESSAGE, NAME).setContexts(InteractionContextType.GUILD);
    }

    @Override
    public void handle(GenericCommandInteractionEvent event) {
        if (!(event instanceof MessageContextInteractionEvent e)) return;
        String text = e.getTarget().getContentDisplay();
        if (text == null || text.isBlank()) {
            Replies.ephemeral(event, "That message has no text to ask about.");
            return;
        }
        Question q;
        try {
            q = new Question(text, null, List.of());
        } catch (IllegalArgumentException ex) {
            Replies.ephemeral(event, ex.getMessage());
            return;
        }
        interactions.ask(event, q, () -> answerer.answer(q));
    }
}
