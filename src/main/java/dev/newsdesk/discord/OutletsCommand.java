package dev.newsdesk.discord;

import dev.newsdesk.retrieve.Catalog;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.events.interaction.command.GenericCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;

/** {@code /outlets}: which outlets the index covers, with article counts and the date range. */
record OutletsCommand(Catalog outletStats, Interactions interactions) implements SlashCommand {
    @Override
    public CommandData data() {
        return Commands.slash("outlets", "List the outlets in the index").setContexts(InteractionContextType.GUILD);
    }

    @Override
    public void handle(GenericCommandInteractionEvent event) {
        interactions.quickPublic(event, this::describe);
    }

    MessageEmbed describe() {
        // Cached: counting every article of a large index took ~100 ms per /outlets and held up the quick workers.
        Catalog.Stats s = outletStats.stats();
        StringBuilder sb = new StringBuilder();
        sb.append(s.articles()).append(" articles, ").append(s.passages()).append(" passages");
        if (s.earliest() != null && s.latest() != null) sb.append(", ").append(s.earliest()).append(" to ").append(s.latest());
        sb.append("\n\n");
        var outlets = s.outlets().stream().sorted((a, b) -> Integer.compare(b.articles(), a.articles())).toList();
        int shown = 0;
        for (Catalog.OutletCount o : outlets) {
            String line = "• " + o.outlet() + " — " + o.articles() + (o.articles() == 1 ? " article\n" : " articles\n");
            if (sb.length() + line.length() > AnswerFormatter.EMBED_DESCRIPTION_LIMIT - 40) break;
            sb.append(line);
            shown++;
        }
        if (shown < outlets.size()) sb.append("… and ").append(outlets.size() - shown).append(" more");
        return Replies.textEmbed(outlets.size() + (outlets.size() == 1 ? " outlet" : " outlets"), sb.toString());
    }
}
