package dev.newsdesk.web;

import dev.newsdesk.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The real {@code newsdesk serve}, run in process through {@link Main#run} on a temporary index of the seed corpus
 * plus a hostile fixture article, on a free port; its address is read from the line serve prints. Closing
 * interrupts serve, which closes the server and the index as on Ctrl-C.
 */
final class WebTestServer implements AutoCloseable {
    static final String ADMIN_TOKEN = "test-admin-token-4f1c";
    private static final Pattern SERVING = Pattern.compile("serving (http://\\S+/)");

    final String base;
    final Path home;
    private final Thread thread;
    private final StringWriter errText;

    private WebTestServer(String base, Path home, Thread thread, StringWriter errText) {
        this.base = base;
        this.home = home;
        this.thread = thread;
        this.errText = errText;
    }

    /** @param config extra lines for config/newsdesk.properties (e.g. "web.asks-per-minute=2") */
    static WebTestServer start(Path dir, String... config) throws Exception {
        Path home = dir.resolve("home");
        Path corpus = home.resolve("corpus");
        Files.createDirectories(corpus);
        try (Stream<Path> seed = Files.list(Path.of("corpus"))) {
            for (Path p : (Iterable<Path>) seed::iterator) Files.copy(p, corpus.resolve(p.getFileName()));
        }
        Files.copy(Path.of("src/test/resources/web-fixtures/hostile.md"), corpus.resolve("hostile.md"));
        Path token = dir.resolve("admin-token");
        Files.writeString(token, ADMIN_TOKEN);
        Files.createDirectories(home.resolve("config"));
        StringBuilder props = new StringBuilder("index.dir=data/index\ncorpus.dirs=corpus\nweb.admin-token-file=")
                .append(token.toString().replace("\\", "/")).append('\n');
        boolean rateGiven = false;
        for (String line : config) {
            props.append(line).append('\n');
            rateGiven |= line.startsWith("web.asks-per-minute");
        }
        if (!rateGiven) props.append("web.asks-per-minute=1000\n");
        Files.writeString(home.resolve("config/newsdesk.properties"), props);
        Path index = home.resolve("data/index");
        StringWriter ingestErr = new StringWriter();
        int status = Main.run(new String[]{"ingest", "--home", home.toString(), "--index", index.toString(), corpus.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(ingestErr, true));
        if (status != 0) throw new IllegalStateException("ingest failed (" + status + "): " + ingestErr);

        StringWriter errText = new StringWriter();
        CountDownLatch ready = new CountDownLatch(1);
        String[] address = new String[1];
        Writer watcher = new Writer() {
            @Override
            public synchronized void write(char[] buf, int off, int len) {
                errText.write(buf, off, len);
                Matcher m = SERVING.matcher(errText.toString());
                if (address[0] == null && m.find()) {
                    address[0] = m.group(1);
                    ready.countDown();
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Thread t = new Thread(() -> Main.run(new String[]{"serve", "--home", home.toString(), "--index", index.toString(), "--port", "0"},
                new PrintWriter(new StringWriter()), new PrintWriter(watcher, true)), "web-test-serve");
        t.setDaemon(true);
        t.start();
        if (!ready.await(60, TimeUnit.SECONDS)) {
            t.interrupt();
            throw new IllegalStateException("serve did not print its address: " + errText);
        }
        String base = address[0].substring(0, address[0].length() - 1);
        return new WebTestServer(base, home, t, errText);
    }

    /** Runs a newsdesk command on this server's home and index, in process; returns stdout, fails on a non-zero exit. */
    String cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--home";
        all[args.length + 1] = home.toString();
        all[args.length + 2] = "--index";
        all[args.length + 3] = home.resolve("data/index").toString();
        int status = Main.run(all, new PrintWriter(out), new PrintWriter(err));
        if (status != 0) throw new AssertionError("newsdesk " + String.join(" ", args) + " exited " + status + ": " + err);
        return out.toString();
    }

    /**
     * Stores a small month of questions through the CLI, as people would ask them: two answered, the same
     * unanswerable question twice, and a report on citation 1 of the first answer. Returns the first answer's id.
     */
    long seedStore() throws IOException {
        long first = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                cli("ask", "What did Blinken tell Jewish leaders about Israel's response to Iran?", "--json")).get("id").asLong();
        cli("ask", "When did Blinken meet Netanyahu in Jerusalem?", "--json");
        cli("ask", "Who won the 2022 World Cup final?", "--json");
        cli("ask", "Who won the 2022 World Cup final?", "--json");
        cli("feedback", String.valueOf(first), "down", "--citation", "1", "--reason", "the quote leaves out <who> said it");
        return first;
    }

    String url(String path) {
        return base + path;
    }

    String log() {
        return errText.toString();
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join(15_000);
    }
}
