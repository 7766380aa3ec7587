package dev.newsdesk.discord;

import dev.newsdesk.retrieve.Filters;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.GenericCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;

/** {@code /summary topic [outlet] [since] [until]}: a cited summary, when a {@link SummaryService} is wired. */
final class SummaryCommand implements SlashCommand {
    static final String UNAVAILABLE = "Summaries are not available yet; try /ask with a question about the topic.";
    private final CommandContext ctx;

    SummaryCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String name() {
        return "summary";
    }

    @Override
    public CommandData data() {
        return Commands.slash(name(), "Summarise the coverage of a topic, with citations")
                .addOptions(new OptionData(OptionType.STRING, "topic", "The topic to summarise", true).setMaxLength(300),
                        AskCommand.outletOption(), AskCommand.sinceOption(), AskCommand.untilOption())
                .setContexts(InteractionContextType.GUILD);
    }

    @Override
    public void handle(GenericCommandInteractionEvent event) {
        SummaryService service = ctx.features.summary();
        if (service == null) {
            CommandContext.replyEphemeral(event, UNAVAILABLE);
            return;
        }
        String topic = AskCommand.opt(event, "topic");
        Filters filters;
        try {
            filters = AskCommand.filters(event);
        } catch (IllegalArgumentException e) {
            CommandContext.replyEphemeral(event, e.getMessage());
            return;
        }
        if (topic == null || topic.isBlank()) {
            CommandContext.replyEphemeral(event, "Name a topic to summarise.");
            return;
        }
        ctx.answerInteraction(event, "Summary: " + topic.strip(), () -> service.summarise(topic.strip(), filters));
    }

    @Override
    public void autocomplete(CommandAutoCompleteInteractionEvent event) {
        event.replyChoices(AskCommand.outletChoices(ctx.outletCatalog(), event.getFocusedOption().getValue())).queue();
    }
}
