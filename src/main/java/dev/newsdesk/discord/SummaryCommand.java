package dev.newsdesk.discord;

import dev.newsdesk.retrieve.Catalog;
import dev.newsdesk.retrieve.Filters;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.GenericCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;

/** {@code /summary topic [outlet] [since] [until]}: a cited summary, when a {@link SummaryService} is wired. */
record SummaryCommand(SummaryService service, Interactions interactions, Catalog outlets) implements SlashCommand {
    static final String UNAVAILABLE = "Summaries are not available yet; try /ask with a question about the topic.";

    @Override
    public CommandData data() {
        return Commands.slash("summary", "Summarise the coverage of a topic, with citations")
                .addOptions(new OptionData(OptionType.STRING, "topic", "The topic to summarise", true).setMaxLength(300),
                        CommandOptions.outlet(), CommandOptions.since(), CommandOptions.until())
                .setContexts(InteractionContextType.GUILD);
    }

    @Override
    public String unavailable() {
        return service == null ? UNAVAILABLE : null;
    }

    @Override
    public void handle(GenericCommandInteractionEvent event) {
        Filters filters = CommandOptions.indexedFilters(event, outlets);
        String topic = CommandOptions.topic(event, "summarise");
        interactions.answer(event, "Summary: " + topic, () -> service.summarise(topic, filters));
    }

    @Override
    public void autocomplete(CommandAutoCompleteInteractionEvent event) {
        event.replyChoices(CommandOptions.outletChoices(outlets, event.getFocusedOption().getValue())).queue();
    }
}
