package dev.newsdesk.discord;

import java.util.concurrent.atomic.AtomicBoolean;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.events.interaction.command.GenericCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /reindex}: refreshes the index. Only members with one of the configured admin roles may run it (the
 * command is also hidden from members without Manage Server by default); one run at a time; replies ephemerally.
 */
final class ReindexCommand implements SlashCommand {
    private static final Logger LOG = LoggerFactory.getLogger(ReindexCommand.class);
    private final CommandContext ctx;
    private final AtomicBoolean running = new AtomicBoolean();

    ReindexCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String name() {
        return "reindex";
    }

    @Override
    public CommandData data() {
        return Commands.slash(name(), "Admins: refresh the index from the corpus")
                .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER))
                .setContexts(InteractionContextType.GUILD);
    }

    @Override
    public boolean usesAllowLists() {
        return false;
    }

    @Override
    public void handle(GenericCommandInteractionEvent event) {
        if (!ctx.isAdmin(event.getMember())) {
            CommandContext.replyEphemeral(event, "Only members with an admin role can reindex.");
            return;
        }
        Reindexer reindexer = ctx.reindexer;
        if (reindexer == null) {
            CommandContext.replyEphemeral(event, "Reindexing is not available in this bot; run `newsdesk ingest` on the server.");
            return;
        }
        if (!running.compareAndSet(false, true)) {
            CommandContext.replyEphemeral(event, "A reindex is already running.");
            return;
        }
        if (!ctx.accepting()) {
            running.set(false);
            CommandContext.replyEphemeral(event, CommandContext.CLOSING);
            return;
        }
        event.deferReply(true).queue();
        var hook = event.getHook();
        // Its own thread: a reindex takes minutes and must not occupy an answer or quick worker.
        Thread.ofPlatform().name("newsdesk-reindex").daemon(true).start(() -> {
            try {
                ctx.editTo(hook, () -> {
                    try {
                        String summary = reindexer.reindex();
                        ctx.forgetStats();
                        return CommandContext.textEmbed("Reindex finished", summary == null ? "Done." : summary);
                    } catch (Exception e) {
                        LOG.warn("reindex failed: {}", e.toString());
                        throw new CommandContext.UserError("Reindex failed: " + AnswerFormatter.shorten(String.valueOf(e.getMessage()), 300));
                    }
                }, true);
            } finally {
                running.set(false);
            }
        });
    }
}
