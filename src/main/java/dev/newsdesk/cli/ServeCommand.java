package dev.newsdesk.cli;

import dev.newsdesk.web.WebServer;
import dev.newsdesk.web.WebSettings;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Runs the web companion until SIGTERM/SIGINT (or, in process, until its thread is interrupted): the reader,
 * ask and search, the JSON API and the admin insights. Loopback only unless {@code --bind} says otherwise.
 */
@Command(name = "serve", description = {"Serve the web companion: article reader, ask and search, JSON API, insights.",
        "Listens on 127.0.0.1 only unless --bind says otherwise; NEWSDESK_WEB_ADMIN_TOKEN enables /insights."})
final class ServeCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;
    @Mixin
    ChatOptions chat;

    @Option(names = "--port", paramLabel = "PORT", description = "Port to listen on (default: web.port from config/, 8080; 0 picks a free one).")
    Integer port;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "Address to listen on (default: web.bind from config/, 127.0.0.1 = this machine only).")
    String bind;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = common.err();
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                finished.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "newsdesk-serve-shutdown");
        boolean interrupted = false;
        try (App app = App.create(common).reopenLazily()) {
            WebSettings settings = WebCompanion.settings(app, bind, port);
            // the insights page's numbers and the web's questions: the same store ask and the bot use, opened on
            // first use; a database that is down or missing makes the page say so instead of failing it
            try (dev.newsdesk.store.AnswerLog log = dev.newsdesk.store.AnswerLog.of(app.storeSettings());
                 WebServer server = WebCompanion.start(app, err, chat, log, settings)) {
                Runtime.getRuntime().addShutdownHook(hook);
                // the console shows warnings only (logback.xml), so the address is printed, not just logged
                err.println("newsdesk: serving " + server.address() + " (" + app.writeTarget().describe() + ")"
                        + (settings.loopbackOnly() ? "" : "; reachable from other machines") + "; stop it with Ctrl-C");
                try {
                    stop.await();
                } catch (InterruptedException e) {
                    // an in-process caller stopping serve; the flag is restored once the server has stopped,
                    // since Jetty's graceful stop fails on an interrupted thread
                    interrupted = true;
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
            return 0;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException | IllegalArgumentException ignored) {
                // already shutting down, or never added: nothing to remove
            }
        }
    }
}
