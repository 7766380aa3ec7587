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
final class SummaryCommand implements SlashCommand {
    static final String UNAVAILABLE = "Summaries are not available yet; try /ask with a question about the topic.";
    private final SummaryService service;
    private final Interactions interactions;
    private final Catalog outlets;

    /** {@code service} null: the command exists but says summaries are not available. */
    SummaryCommand(SummaryService service, Interactions interactions, Catalog outlets) {
        this.service = service;
        this.interactions = interactions;
        this.outlets = outlets;
    }

    @Override
    public String name() {
        return "summary";
    }

    @Override
    public CommandData data() {
        return Commands.slash(name(), "Summarise the coverage of a topic, with citations")
                .addOptions(new OptionData(OptionType.STRING, "topic", "The topic to summarise", true).setMaxLength(300),
                        CommandOptions.outlet(), CommandOptions.since(), CommandOptions.until())
                .setContexts(InteractionContextType.GUILD);
    }

    @Override
    public void handle(GenericCommandInteractionEvent event) {
        if (service == null) {
            Replies.ephemeral(event, UNAVAILABLE);
            return;
        }
        String topic = CommandOptions.text(event, "topic");
        Filters filters;
        try {
            filters = CommandOptions.filters(event);
        } catch (IllegalArgumentException e) {
            Replies.ephemeral(event, e.getMessage());
            return;
        }
        if (topic == null || topic.isBlank()) {
            Replies.ephemeral(event, "Name a topic to summarise.");
            return;
        }
        interactions.answer(event, "Summary: " + topic.strip(), () -> service.summarise(topic.strip(), filters));
    }

    @Override
    public void autocomplete(CommandAutoCompleteInteractionEvent event) {
        event.replyChoices(CommandOptions.outletChoices(outlets, event.getFocusedOption().getValue())).queue();
    }
}
