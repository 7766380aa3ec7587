package dev.newsdesk.discord;

import dev.newsdesk.retrieve.Catalog;
import dev.newsdesk.retrieve.Filters;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import net.dv8tion.jda.api.events.interaction.command.GenericCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;

/**
 * The options several commands share (outlet, since, until) and how their values are read: declared once, so
 * /ask and /summary ask the same way and reject a malformed date with the same sentence.
 */
final class CommandOptions {
    private CommandOptions() {
    }

    static OptionData outlet() {
        return new OptionData(OptionType.STRING, "outlet", "Only this outlet", false, true).setMaxLength(100);
    }

    static OptionData since() {
        return new OptionData(OptionType.STRING, "since", "Published on or after (YYYY-MM-DD)", false).setMaxLength(10);
    }

    static OptionData until() {
        return new OptionData(OptionType.STRING, "until", "Published on or before (YYYY-MM-DD)", false).setMaxLength(10);
    }

    /** An option's text, or null when it was not given. */
    static String text(GenericCommandInteractionEvent e, String name) {
        OptionMapping m = e.getOption(name);
        return m == null ? null : m.getAsString();
    }

    /** The stripped "topic" option; {@link UserError} "Name a topic to {verb}." when it is missing or blank. */
    static String topic(GenericCommandInteractionEvent e, String verb) {
        String topic = text(e, "topic");
        if (topic == null || topic.isBlank()) throw new UserError("Name a topic to " + verb + ".");
        return topic.strip();
    }

    /** Filters from the standard outlet/since/until options. */
    static Filters filters(GenericCommandInteractionEvent e) {
        return filters(text(e, "outlet"), text(e, "since"), text(e, "until"));
    }

    /** Filters from optional outlet/since/until strings; {@link UserError} with a fix when one is malformed. */
    static Filters filters(String outlets, String since, String until) {
        List<String> list = outlets == null ? List.of() : List.of(outlets.split(","));
        try {
            return new Filters(list, date("since", since), date("until", until));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage().replace("--", ""));
        }
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            // the same sentence as the CLI's (cli/Converters), without the dashes Discord options do not have
            throw new UserError(name + " '" + AnswerFormatter.shorten(value.strip(), 40)
                    + "' is not a date; use YYYY-MM-DD (e.g. 2024-04-16)");
        }
    }

    /**
     * Filters whose outlets the index holds: a typo would otherwise filter everything away and read as "no article
     * comes close".
     *
     * @throws UserError naming the unknown outlet, the nearest indexed one and the indexed outlets
     */
    static Filters indexedFilters(GenericCommandInteractionEvent e, Catalog catalog) {
        Filters f = filters(e);
        requireIndexed("outlet", f.outlets(), catalog);
        return f;
    }

    /** @throws UserError when one of {@code outlets} is not indexed (see {@link dev.newsdesk.retrieve.OutletNames}) */
    static void requireIndexed(String option, List<String> outlets, Catalog catalog) {
        if (outlets.isEmpty()) return;
        dev.newsdesk.retrieve.OutletNames.problem(option, outlets, catalog.stats().outlets(), "/outlets lists them all")
                .ifPresent(p -> {
                    throw new UserError(p);
                });
    }

    /** Up to 25 outlets whose name contains what was typed (after the last comma), the most covered first. */
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
