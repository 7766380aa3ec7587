package dev.newsdesk.discord;

import dev.newsdesk.answer.Question;
import dev.newsdesk.retrieve.Catalog;
import dev.newsdesk.retrieve.Filters;
import java.util.List;
import java.util.Locale;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.GenericCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;

/** {@code /ask question [outlet] [since] [until]}: a grounded answer with numbered citations. */
final class AskCommand implements SlashCommand {
    private final CommandContext ctx;

    AskCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String name() {
        return "ask";
    }

    @Override
    public CommandData data() {
        return Commands.slash(name(), "Ask a question about the news coverage; the answer cites its sources")
                .addOptions(new OptionData(OptionType.STRING, "question", "What do you want to know?", true)
                                .setMaxLength(Question.MAX_CHARS),
                        outletOption(), sinceOption(), untilOption())
                .setContexts(InteractionContextType.GUILD);
    }

    static OptionData outletOption() {
        return new OptionData(OptionType.STRING, "outlet", "Only this outlet", false, true).setMaxLength(100);
    }

    static OptionData sinceOption() {
        return new OptionData(OptionType.STRING, "since", "Published on or after (YYYY-MM-DD)", false).setMaxLength(10);
    }

    static OptionData untilOption() {
        return new OptionData(OptionType.STRING, "until", "Published on or before (YYYY-MM-DD)", false).setMaxLength(10);
    }

    static String opt(GenericCommandInteractionEvent e, String name) {
        OptionMapping m = e.getOption(name);
        return m == null ? null : m.getAsString();
    }

    /** Filters from the standard outlet/since/until options. */
    static Filters filters(GenericCommandInteractionEvent e) {
        return CommandContext.filters(opt(e, "outlet"), opt(e, "since"), opt(e, "until"));
    }

    @Override
    public void handle(GenericCommandInteractionEvent event) {
        Question q;
        try {
            q = new Question(opt(event, "question"), filters(event), List.of());
        } catch (IllegalArgumentException e) {
            CommandContext.replyEphemeral(event, e.getMessage());
            return;
        }
        ctx.answerInteraction(event, q.text(), () -> ctx.answerer.answer(q));
    }

    @Override
    public void autocomplete(CommandAutoCompleteInteractionEvent event) {
        event.replyChoices(outletChoices(ctx.outletCatalog(), event.getFocusedOption().getValue())).queue();
    }

    /** Up to 25 outlets whose name contains what was typed, the most covered first. */
    static List<Command.Choice> outletChoices(Catalog catalog, String typed) {
        String t = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        List<String> typedParts = List.of(t.split(","));
        String last = typedParts.get(typedParts.size() - 1).strip();
        return catalog.stats().outlets().stream()
                .sorted((a, b) -> Integer.compare(b.articles(), a.articles()))
                .map(Catalog.OutletCount::outlet)
                .filter(o -> o.toLowerCase(Locale.ROOT).contains(last))
                .limit(25)
                .map(o -> AnswerFormatter.shorten(o, 100))
                .map(o -> new Command.Choice(o, o))
                .toList();
    }
}
