package dev.newsdesk.cli;

import dev.newsdesk.discord.DiscordSettings;
import dev.newsdesk.discord.Features;
import dev.newsdesk.discord.NewsdeskBot;
import dev.newsdesk.discord.Reindexer;
import dev.newsdesk.retrieve.LuceneIndex;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Runs the Discord bot until SIGTERM/SIGINT. The token comes from DISCORD_TOKEN or the file named by
 * DISCORD_TOKEN_FILE, never from config/ or the command line (where it would land in shell history).
 */
@Command(name = "bot", description = {"Run the Discord bot (token from DISCORD_TOKEN or DISCORD_TOKEN_FILE).",
        "NEWSDESK_DISCORD_REST_URL / NEWSDESK_DISCORD_GATEWAY_URL point it at a proxy or a local stand-in."})
final class BotCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;
    @Mixin
    ChatOptions chat;

    /**
     * /reindex: the corpus folders into the index, through the writer polling holds when it holds one (this process
     * owns the index then), else opening it; polled articles are never pruned (their source is a URL).
     */
    static Reindexer reindexer(App app, dev.newsdesk.retrieve.SearchBackend backend, LivePolling live) {
        return progress -> {
            var ingest = new dev.newsdesk.index.CorpusIngest(new dev.newsdesk.ingest.SentenceChunker(), () -> app.ingestEmbeddings(false),
                    dev.newsdesk.ingest.IngestLimits.DEFAULTS);
            var listener = new dev.newsdesk.index.IngestListener() {
                @Override
                public void progress(int done, int total, int passages) {
                    progress.update(done, total, String.format(java.util.Locale.ROOT, "%,d passages", passages));
                }
            };
            var held = live.heldOpener();
            var result = held != null
                    ? ingest.run(app.config.corpusDirs(), held, true, listener)
                    : ingest.run(app.config.corpusDirs(), app.writeTarget().opener(), true, listener);
            backend.refresh();
            return result.summary().line() + (result.failures().isEmpty() ? ""
                    : " (skipped: " + result.failures().getFirst().path().getFileName() + ": " + result.failures().getFirst().reason()
                    + (result.failures().size() > 1 ? ", and " + (result.failures().size() - 1) + " more" : "") + ")");
        };
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = common.err();
        CountDownLatch finished = new CountDownLatch(1);
        try (App app = App.create(common).reopenLazily()) {
            DiscordSettings settings = DiscordSettings.fromEnvironment(System.getenv(), app.config.properties());
            var backend = app.backend(err);
            Features features = app.coverageFeatures(err, chat);
            // sources in the sources file: this process polls them and owns the index writer while it does
            LivePolling live = LivePolling.of(app, backend);
            Reindexer reindexer = reindexer(app, backend, live);
            boolean web = Boolean.parseBoolean(app.config.get("web.enabled", "false").strip());
            // questions, feedback and thread turns; the database failing never stops the bot (AnswerLog)
            try (dev.newsdesk.store.AnswerLog log = dev.newsdesk.store.AnswerLog.of(app.storeSettings());
                 NewsdeskBot bot = new NewsdeskBot(settings, app.answerer(err, chat), app.catalog(err),
                    app.retriever(err, false), Optional.of(features), reindexer, log,
                    dev.newsdesk.answer.ReaderLink.base(app.config.get("web.base-url", null)), live::status);
                 // closed before the bot and the store: no digest is posted through a closed bot
                 LivePolling polling = live;
                 // web.enabled=true: the web companion runs beside the bot, on the same index, answerer and store
                 dev.newsdesk.web.WebServer server = web ? WebCompanion.start(app, err, chat, log,
                         WebCompanion.settings(app, null, null)) : null) {
                if (server != null) err.println("newsdesk: web companion at " + server.address());
                // SIGTERM: finish answers in flight, close JDA, then let main close the index before the JVM halts.
                Thread hook = new Thread(() -> {
                    bot.close();
                    try {
                        finished.await(15, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "newsdesk-shutdown");
                Runtime.getRuntime().addShutdownHook(hook);
                bot.start();
                polling.onNewCoverage(bot::newCoverage).start();
                if (polling.configured()) err.println("newsdesk: polling the sources in " + PollSession.sourcesFile(app).path()
                        + " (newsdesk sources list; /sources for admins)");
                // the console shows warnings only (logback.xml), so the ready line is printed, not just logged
                err.println("newsdesk: " + bot.readyLine() + "; stop it with Ctrl-C (SIGTERM finishes answers in flight)");
                bot.awaitShutdownSignal();
            }
            return 0;
        } finally {
            finished.countDown();
        }
    }
}
