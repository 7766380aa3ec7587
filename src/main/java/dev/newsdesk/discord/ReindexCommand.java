package dev.newsdesk.discord;

import java.util.concurrent.atomic.AtomicBoolean;
import net.dv8tion.jda.api.events.interaction.command.GenericCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /reindex}: refreshes the index. Only members with one of the configured admin roles may run it (the
 * command is also hidden from members without Manage Server by default); one run at a time; replies ephemerally.
 */
final class ReindexCommand extends AdminCommand {
    private static final Logger LOG = LoggerFactory.getLogger(ReindexCommand.class);
    private final Reindexer reindexer;
    private final WorkQueue work;
    private final CachedCatalog outlets;
    private final AtomicBoolean running = new AtomicBoolean();

    /** {@code reindexer} null: the bot cannot reindex and says so. */
    ReindexCommand(AccessPolicy access, Reindexer reindexer, WorkQueue work, CachedCatalog outlets) {
        super(access, "Only members with an admin role can reindex.");
        this.reindexer = reindexer;
        this.work = work;
        this.outlets = outlets;
    }

    @Override
    public CommandData data() {
        return adminSlash("reindex", "Admins: refresh the index from the corpus");
    }

    @Override
    void handleAdmin(GenericCommandInteractionEvent event) {
        if (reindexer == null) {
            Replies.ephemeral(event, "Reindexing is not available in this bot; run `newsdesk ingest` on the server.");
            return;
        }
        if (!running.compareAndSet(false, true)) {
            Replies.ephemeral(event, "A reindex is already running.");
            return;
        }
        if (!work.accepting()) {
            running.set(false);
            Replies.ephemeral(event, Replies.CLOSING);
            return;
        }
        event.deferReply(true).queue();
        var hook = event.getHook();
        // Its own thread: a reindex takes minutes and must not occupy an answer or quick worker.
        Thread.ofPlatform().name("newsdesk-reindex").daemon(true).start(() -> {
            try {
                Replies.editTo(hook, () -> {
                    try {
                        String summary = reindexer.reindex(new ReplyProgress(hook, System::nanoTime));
                        outlets.forget();
                        return Replies.textEmbed("Reindex finished", summary == null ? "Done." : summary);
                    } catch (Exception e) {
                        LOG.warn("reindex failed: {}", e.toString());
                        throw new UserError("Reindex failed: " + AnswerFormatter.shorten(String.valueOf(e.getMessage()), 300));
                    }
                }, true);
            } finally {
                running.set(false);
            }
        });
    }

    /**
     * Edits the deferred reply with how far the reindex is: at once on the first report, then every few seconds
     * (Discord limits edits to about five per five seconds per interaction). A failed edit only costs that edit.
     */
    static final class ReplyProgress implements Reindexer.Progress {
        static final long INTERVAL_NANOS = 3_000_000_000L;
        private final net.dv8tion.jda.api.interactions.InteractionHook hook;
        private final java.util.function.LongSupplier clock;
        private long lastEdit;
        private boolean edited;

        ReplyProgress(net.dv8tion.jda.api.interactions.InteractionHook hook, java.util.function.LongSupplier nanoClock) {
            this.hook = hook;
            this.clock = nanoClock;
        }

        @Override
        public void update(int done, int total, String detail) {
            long now = clock.getAsLong();
            // the final summary replaces the reply right after the last article; a "100%" edit would only flicker
            if (done >= total || (edited && now - lastEdit < INTERVAL_NANOS)) return;
            edited = true;
            lastEdit = now;
            try {
                hook.editOriginal(new net.dv8tion.jda.api.utils.messages.MessageEditBuilder()
                        .setEmbeds(Replies.textEmbed("Reindexing…", text(done, total, detail)))
                        .setAllowedMentions(Replies.NO_MENTIONS).build()).complete();
            } catch (RuntimeException e) {
                LOG.warn("could not show reindex progress: {}", e.toString());
            }
        }

        static String text(int done, int total, String detail) {
            String s = String.format(java.util.Locale.ROOT, "%,d of %,d articles (%d%%)", done, total,
                    total == 0 ? 0 : (int) (100L * done / total));
            return detail == null ? s : s + ", " + detail;
        }
    }
}
