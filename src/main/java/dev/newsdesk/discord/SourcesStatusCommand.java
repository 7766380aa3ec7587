package dev.newsdesk.discord;

import java.util.function.Supplier;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.events.interaction.command.GenericCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /sources}: admins see how polling each source went (last poll and success, articles taken, failures in a
 * row, next poll, back-off), as {@code newsdesk sources list} prints it. Ephemeral: source URLs and errors are for
 * the people who run the bot.
 */
final class SourcesStatusCommand implements SlashCommand {
    private static final Logger LOG = LoggerFactory.getLogger(SourcesStatusCommand.class);
    private final AccessPolicy access;
    private final Supplier<String> status;

    /** @param status the status table, read when asked (cheap: the poll state is in memory) */
    SourcesStatusCommand(AccessPolicy access, Supplier<String> status) {
        this.access = access;
        this.status = status;
    }

    @Override
    public CommandData data() {
        return Commands.slash("sources", "Admins: how polling the feeds and sitemaps is going")
                .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER))
                .setContexts(InteractionContextType.GUILD);
    }

    @Override
    public boolean usesAllowLists() {
        return false;
    }

    @Override
    public void handle(GenericCommandInteractionEvent event) {
        if (!access.isAdmin(event.getMember())) {
            Replies.ephemeral(event, "Only members with an admin role can see the sources.");
            return;
        }
        String text;
        try {
            text = status.get();
        } catch (RuntimeException e) {
            LOG.warn("reading the sources' status failed: {}", e.toString());
            text = "The sources' status cannot be read right now (" + e.getMessage() + ").";
        }
        event.replyEmbeds(Replies.textEmbed("Sources", text == null || text.isBlank()
                        ? "No sources configured; add one with `newsdesk sources add URL` on the server." : text))
                .setEphemeral(true).setAllowedMentions(Replies.NO_MENTIONS)
                .queue(null, e -> LOG.debug("reply failed: {}", e.toString()));
    }
}
