package dev.newsdesk.discord;

import dev.newsdesk.store.Insights;
import java.time.LocalDate;
import java.time.ZoneOffset;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.events.interaction.command.GenericCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;

/** {@code /insights [days]} (admin roles only, ephemeral): what was asked and what the coverage did not answer. */
final class InsightsCommand extends AdminCommand {
    private final Interactions interactions;

    InsightsCommand(AccessPolicy access, Interactions interactions) {
        super(access, "Only members with an admin role can see insights.");
        this.interactions = interactions;
    }

    @Override
    public CommandData data() {
        return adminSlash("insights", "Admins: questions, abstentions, feedback and coverage gaps of recent days")
                .addOptions(new OptionData(OptionType.INTEGER, "days", "How many days back (default 30)", false)
                        .setMinValue(1).setMaxValue(3650));
    }

    @Override
    void handleAdmin(GenericCommandInteractionEvent event) {
        OptionMapping days = event.getOption("days");
        int n = days == null ? 30 : (int) Math.max(1, Math.min(3650, days.getAsLong()));
        LocalDate until = LocalDate.now(ZoneOffset.UTC);
        interactions.quickEphemeral(event, () -> describe(interactions.log().insights(until.minusDays(n - 1L), until)));
    }

    static MessageEmbed describe(Insights in) {
        String title = "Insights " + in.since() + " to " + in.until();
        if (!in.ok()) {
            return Replies.textEmbed(title, "The store is " + in.store() + ", so there are no figures to show. Check the"
                    + " database (the bot's log says what is wrong).");
        }
        StringBuilder sb = new StringBuilder();
        sb.append(in.questions()).append(" questions: ").append(in.answered()).append(" answered, ").append(in.abstained())
                .append(" not answered by the coverage (").append(Math.round(in.abstentionRate() * 100)).append("%)\n");
        sb.append("Answer time: median ").append(in.latencyMs().p50()).append(" ms, p95 ").append(in.latencyMs().p95()).append(" ms\n");
        sb.append("Feedback: ").append(in.feedback().up()).append(" 👍, ").append(in.feedback().down()).append(" 👎, ")
                .append(in.feedback().citationsFlagged()).append(" citations reported\n");
        if (!in.gaps().isEmpty()) {
            sb.append("\nCoverage gaps (asked, not answered):\n");
            for (Insights.Gap g : in.gaps()) {
                sb.append("• ").append(String.join(" ", g.terms())).append(" — ").append(g.count()).append("× e.g. “")
                        .append(AnswerFormatter.shorten(g.example(), 120)).append("”\n");
            }
        }
        if (!in.flaggedCitations().isEmpty()) {
            sb.append("\nReported citations:\n");
            for (Insights.FlaggedCitation f : in.flaggedCitations()) {
                sb.append("• answer ").append(f.questionId()).append(" [").append(f.citation()).append("] ")
                        .append(f.outlet() == null ? "" : f.outlet()).append(": ").append(f.reports()).append("× (")
                        .append(AnswerFormatter.shorten(String.join("; ", f.reasons()), 120)).append(")\n");
            }
        }
        return Replies.textEmbed(title, sb.toString());
    }
}
