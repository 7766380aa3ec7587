package dev.newsdesk.discord;

import dev.newsdesk.retrieve.Catalog;
import java.util.Arrays;
import java.util.List;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.GenericCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;

/** {@code /compare topic [outlets]}: how outlets covered a topic, when a {@link CompareService} is wired. */
record CompareCommand(CompareService service, Interactions interactions, Catalog outlets) implements SlashCommand {
    static final String UNAVAILABLE = "Comparisons are not available yet; try /ask with a question about the topic.";

    @Override
    public CommandData data() {
        return Commands.slash("compare", "Compare how outlets covered a topic, with citations")
                .addOptions(new OptionData(OptionType.STRING, "topic", "The topic to compare", true).setMaxLength(300),
                        new OptionData(OptionType.STRING, "outlets", "Comma-separated outlets, e.g. BBC, Reuters", false, true)
                                .setMaxLength(300))
                .setContexts(InteractionContextType.GUILD);
    }

    @Override
    public String unavailable() {
        return service == null ? UNAVAILABLE : null;
    }

    @Override
    public void handle(GenericCommandInteractionEvent event) {
        String topic = CommandOptions.topic(event, "compare");
        String raw = CommandOptions.text(event, "outlets");
        List<String> outlets = raw == null ? List.of()
                : Arrays.stream(raw.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        try {
            // an outlet the index does not hold would compare nothing; say which ones are indexed, as /ask does
            CommandOptions.requireIndexed("outlets", outlets, this.outlets);
        } catch (IllegalArgumentException e) {
            Replies.ephemeral(event, e.getMessage());
            return;
        }
        interactions.answer(event, "Compare: " + topic, () -> service.compare(topic, outlets));
    }

    @Override
    public void autocomplete(CommandAutoCompleteInteractionEvent event) {
        // Completes the last comma-separated outlet, keeping the ones already typed.
        String typed = event.getFocusedOption().getValue();
        int comma = typed.lastIndexOf(',');
        String head = comma < 0 ? "" : typed.substring(0, comma + 1) + " ";
        event.replyChoices(CommandOptions.outletChoices(outlets, typed).stream()
                .map(c -> AnswerFormatter.shorten(head + c.getAsString(), 100))
                .map(s -> new net.dv8tion.jda.api.interactions.commands.Command.Choice(s, s)).toList()).queue();
    }
}
