package dev.newsdesk.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.newsdesk.retrieve.EmbeddedBackend;
import dev.newsdesk.retrieve.Filters;
import dev.newsdesk.retrieve.Hit;
import dev.newsdesk.retrieve.LuceneIndex;
import dev.newsdesk.retrieve.Retrieval;
import dev.newsdesk.retrieve.Retriever;
import dev.newsdesk.retrieve.SearchRequest;
import dev.newsdesk.sources.FetchSettings;
import dev.newsdesk.sources.Source;
import dev.newsdesk.sources.SourcesFile;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What polling costs, printed, not asserted: {@value #FEEDS} local feeds x {@value #ITEMS} items (on
 * {@value #HOSTS} loopback hosts, 127.0.0.1 to .10, so hosts are polled side by side as on the web) through
 * {@code poll --once} into a BM25 index: first pass (every page fetched and indexed), second pass (every feed
 * answers 304), heap; then, with the bot's {@link LivePolling} on the same index, the time from a pass finding a new
 * item to that article being returned by the bot's retriever. Run:
 * {@code mvn -B -o test -Dsurefire.excludedGroups= -Dtest=PollBench -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("load")
class PollBench {
    static final int FEEDS = Integer.getInteger("poll.feeds", 100);
    static final int ITEMS = Integer.getInteger("poll.items", 50);
    static final int HOSTS = 10;
    static final String[] WORDS = ("harbour ferry council budget school library bridge river storm flood election mayor "
            + "hospital nurse train station airport runway factory workers strike museum painting festival music farmer "
            + "harvest drought wildfire forest police court judge verdict tax rent housing tenant market bakery football "
            + "stadium coach league vaccine clinic doctor teacher pupil exam science rocket satellite telescope planet "
            + "ocean whale fishing boat lighthouse tram cyclist bus road tunnel port cargo ship").split(" ");

    @TempDir
    Path tmp;

    private final AtomicInteger extra = new AtomicInteger();
    private final AtomicLong pages = new AtomicLong();

    private void handle(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        String host = x.getLocalAddress().getAddress().getHostAddress();
        if (path.startsWith("/feed-")) {
            int f = Integer.parseInt(path.substring(6, path.indexOf('.')));
            String etag = "\"" + f + "-" + (f == 0 ? extra.get() : 0) + "\"";
            if (etag.equals(x.getRequestHeaders().getFirst("If-None-Match"))) {
                x.getResponseHeaders().add("ETag", etag);
                x.sendResponseHeaders(304, -1);
                x.close();
                return;
            }
            StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed " + f
                    + "</title><link>http://" + host + "/</link><description>d</description>");
            int n = ITEMS + (f == 0 ? extra.get() : 0);
            for (int i = n - 1; i >= 0; i--) {
                b.append("<item><title>Feed ").append(f).append(" story ").append(i).append("</title><link>http://")
                        .append(host).append(":").append(x.getLocalAddress().getPort()).append("/2024/05/0")
                        .append(1 + i % 9).append("/f").append(f).append("-s").append(i).append("</link><pubDate>")
                        .append("Wed, 0").append(1 + i % 9).append(" May 2024 10:00:00 GMT</pubDate></item>");
            }
            send(x, "application/rss+xml", b.append("</channel></rss>").toString(), etag);
        } else if (path.startsWith("/2024/")) {
            pages.incrementAndGet();
            String slug = path.substring(path.lastIndexOf('/') + 1);
            Random r = new Random(slug.hashCode() * 31L + 7);
            StringBuilder b = new StringBuilder("<html><head><title>" + slug + "</title></head><body><nav>Home | Subscribe</nav>"
                    + "<article><h1>" + slug + "</h1><p>");
            if (slug.equals("f0-s" + (ITEMS + extra.get() - 1)) && extra.get() > 0) b.append("The zeppelin marker appears here. ");
            for (int i = 1; i <= 400; i++) {
                b.append(WORDS[r.nextInt(WORDS.length)]).append(i % 14 == 0 ? ". " : " ");
                if (i % 70 == 0) b.append("</p><p>");
            }
            send(x, "text/html", b.append("</p></article></body></html>").toString(), null);
        } else {
            x.sendResponseHeaders(404, -1);
            x.close();
        }
    }

    private static void send(HttpExchange x, String type, String body, String etag) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", type);
        if (etag != null) x.getResponseHeaders().add("ETag", etag);
        x.sendResponseHeaders(200, b.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(b);
        }
    }

    private static long heapUsedMb() {
        System.gc();
        return (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) peak += p.getPeakUsage().getUsed();
        }
        return peak >> 20;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) p.resetPeakUsage();
    }

    @Test
    void pollHundredFeeds() throws Exception {
        List<HttpServer> servers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Source> sources = new ArrayList<>();
        try {
            for (int h = 1; h <= HOSTS; h++) {
                HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0." + h), 0), 0);
                s.createContext("/", this::handle);
                s.setExecutor(pool);
                s.start();
                servers.add(s);
            }
            for (int f = 0; f < FEEDS; f++) {
                HttpServer s = servers.get(f % HOSTS);
                sources.add(new Source("http://127.0.0." + (1 + f % HOSTS) + ":" + s.getAddress().getPort() + "/feed-" + f + ".xml",
                        Source.Kind.FEED, null, Duration.ofMinutes(1), true));
            }
            Files.createDirectories(tmp.resolve("config"));
            Files.writeString(tmp.resolve("config/newsdesk.properties"), "sources.host-delay-ms=0\nsources.max-items=100\n");
            SourcesFile file = new SourcesFile(tmp.resolve("config/sources.json"));
            file.save(sources);
            Path index = tmp.resolve("index");
            String[] poll = {"poll", "--once", "--home", tmp.toString(), "--index", index.toString()};

            long heap0 = heapUsedMb();
            resetPeaks();
            long t0 = System.nanoTime();
            Cli.Result first = Cli.run(poll);
            double firstS = (System.nanoTime() - t0) / 1e9;
            long peak1 = peakHeapMb();
            System.out.printf("poll bench: first pass exit %d, %d feeds x %d items, %d pages fetched, %.1f s (%.0f pages/s), "
                            + "heap before %d MB, peak %d MB, after GC %d MB%n", first.status(), FEEDS, ITEMS, pages.get(),
                    firstS, pages.get() / firstS, heap0, peak1, heapUsedMb());

            long pagesBefore = pages.get();
            resetPeaks();
            t0 = System.nanoTime();
            Cli.Result second = Cli.run(poll);
            double secondS = (System.nanoTime() - t0) / 1e9;
            System.out.printf("poll bench: second pass exit %d, %d pages fetched, %.2f s, peak heap %d MB, poll-state.json %d KB%n",
                    second.status(), pages.get() - pagesBefore, secondS, peakHeapMb(), Files.size(index.resolve("poll-state.json")) >> 10);

            // the bot: a new item on feed 0, one pass, then how long until the bot's retriever returns it
            ExecutorService threads = Retrieval.newSearchThreads();
            try (LuceneIndex idx = LuceneIndex.open(index)) {
                EmbeddedBackend backend = new EmbeddedBackend(idx);
                Retriever retriever = new Retrieval(backend, LocalDate::now, threads).retriever(Retrieval.Options.DEFAULTS);
                try (LivePolling live = new LivePolling(file, FetchSettings.from(k -> k.equals("sources.host-delay-ms") ? "0" : null),
                        index, () -> null, backend, Clock.systemUTC())) {
                    long[] found = new long[1];
                    live.onNewCoverage(ids -> found[0] = System.nanoTime());
                    live.start();
                    Thread.sleep(3000); // the first pass: every feed 304
                    for (int round = 0; round < 3; round++) {
                        extra.incrementAndGet();
                        long u = System.nanoTime();
                        live.pollNow();
                        while (retriever.search(new SearchRequest("zeppelin marker", Filters.NONE, 3)).stream()
                                .map(Hit::title).noneMatch(t -> t.equals("Feed 0 story " + (ITEMS + extra.get() - 1)))) {
                            Thread.sleep(5);
                        }
                        long answerable = System.nanoTime();
                        System.out.printf("poll bench: feed update -> answerable in the bot: %.0f ms (pass with %d feeds, "
                                + "refresh and search)%n", (answerable - u) / 1e6, FEEDS);
                    }
                }
            } finally {
                threads.shutdownNow();
            }
        } finally {
            servers.forEach(s -> s.stop(0));
            pool.shutdownNow();
        }
    }
}
