package dev.newsdesk.discord;

import java.util.function.Supplier;
import net.dv8tion.jda.api.events.interaction.command.GenericCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /sources}: admins see how polling each source went (last poll and success, articles taken, failures in a
 * row, next poll, back-off), as {@code newsdesk sources list} prints it. Ephemeral: source URLs and errors are for
 * the people who run the bot.
 */
final class SourcesStatusCommand extends AdminCommand {
    private static final Logger LOG = LoggerFactory.getLogger(SourcesStatusCommand.class);
    private final Supplier<String> status;

    /** @param status the status table, read when asked (cheap: the poll state is in memory) */
    SourcesStatusCommand(AccessPolicy access, Supplier<String> status) {
        super(access, "Only members with an admin role can see the sources.");
        this.status = status;
    }

    @Override
    public CommandData data() {
        return adminSlash("sources", "Admins: how polling the feeds and sitemaps is going");
    }

    @Override
    void handleAdmin(GenericCommandInteractionEvent event) {
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
