package dev.newsdesk.sources;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The polite fetcher, on {@code java.net.http}: only http and https, only the sources' own hosts
 * ({@link AllowedHosts}); robots.txt read once an hour per host with crawler-commons and obeyed (a disallowed URL is
 * never requested); one request at a time per host, {@link FetchSettings#hostDelay()} apart (longer when robots.txt
 * asks for a Crawl-delay, up to 30 s); a User-Agent naming newsdesk and its operator's contact; conditional GET;
 * gzip; connect, response and whole-fetch time-outs; bodies streamed and abandoned past
 * {@link FetchSettings#maxBodyBytes()} (also after decompression); redirects followed by hand, at most
 * {@link FetchSettings#maxRedirects()}, each hop checked like the first. Thread-safe; closing it frees the
 * HTTP client's threads.
 */
public final class PoliteFetcher implements Fetcher, AutoCloseable {
    private static final String ROBOT_NAME = "newsdesk";
    private static final Duration ROBOTS_TTL = Duration.ofHours(1);
    private static final long MAX_CRAWL_DELAY_MS = 30_000;
    /** Error pages are read only this far: their text is never used. */
    private static final int ERROR_BODY_CAP = 16 * 1024;

    private final FetchSettings settings;
    private final AllowedHosts hosts;
    private final HttpClient client;
    private final Map<String, ReentrantLock> hostLocks = new ConcurrentHashMap<>();
    private final Map<String, Long> lastRequest = new ConcurrentHashMap<>();
    private final Map<String, Robots> robots = new ConcurrentHashMap<>();

    private record Robots(BaseRobotRules rules, long fetchedNanos, String problem) {}

    public PoliteFetcher(FetchSettings settings, AllowedHosts hosts) {
        this.settings = settings;
        this.hosts = hosts;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER) // by hand: each hop's scheme, host and robots are checked
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Override
    public FetchResult fetch(String url, PollState.Validators validators) {
        return fetch(url, validators, true);
    }

    private FetchResult fetch(String url, PollState.Validators validators, boolean obeyRobots) {
        String current = url;
        Set<String> visited = new HashSet<>();
        for (int hop = 0; ; hop++) {
            URI uri;
            try {
                uri = URI.create(current);
            } catch (IllegalArgumentException e) {
                return FetchResult.skipped(current, "not a valid URL");
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return FetchResult.skipped(current, "not an http or https URL; not fetched");
            }
            String host = uri.getHost();
            if (!hosts.allows(host)) {
                return FetchResult.skipped(current, "host " + host + " is not one of the sources' hosts; not fetched"
                        + " (add it as a source to read it)");
            }
            if (obeyRobots) {
                Robots r = robots(uri);
                if (r.problem() != null) return FetchResult.skipped(current, r.problem());
                if (!r.rules().isAllowed(current)) {
                    return FetchResult.skipped(current, "disallowed by " + host + "'s robots.txt; not fetched");
                }
            }
            if (!visited.add(current)) return FetchResult.failed(url, 0, "redirect loop at " + current);
            HttpResponse<byte[]> response;
            try {
                response = send(uri, validators, host);
            } catch (BodyTooLarge e) {
                return FetchResult.skipped(current, "response is over " + settings.maxBodyBytes() + " bytes; abandoned"
                        + " (raise sources.max-body-bytes to read it)");
            } catch (HttpConnectTimeoutException e) {
                return FetchResult.failed(current, 0, "could not connect within " + settings.connectTimeout().toSeconds() + " s");
            } catch (HttpTimeoutException e) {
                return FetchResult.failed(current, 0, "no response within " + settings.readTimeout().toMillis() + " ms");
            } catch (TimeoutException e) {
                return FetchResult.failed(current, 0, "response not complete within " + settings.fetchTimeout().toSeconds() + " s");
            } catch (ConnectException e) {
                return FetchResult.failed(current, 0, "connection refused by " + host);
            } catch (IOException e) {
                return FetchResult.failed(current, 0, "network error (" + describe(e) + ")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return FetchResult.failed(current, 0, "interrupted");
            }
            int status = response.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                String location = response.headers().firstValue("location").orElse(null);
                if (location == null) return FetchResult.failed(current, status, "HTTP " + status + " without a Location");
                if (hop >= settings.maxRedirects()) {
                    return FetchResult.failed(url, status, "more than " + settings.maxRedirects() + " redirects (last to "
                            + location + ")");
                }
                String next = Urls.resolve(current, location);
                if (next == null) return FetchResult.failed(current, status, "redirect to an invalid URL: " + location);
                current = next;
                continue;
            }
            PollState.Validators got = new PollState.Validators(
                    response.headers().firstValue("etag").orElse(null),
                    response.headers().firstValue("last-modified").orElse(null));
            String type = response.headers().firstValue("content-type").orElse(null);
            if (status == 304) return new FetchResult(FetchResult.Outcome.NOT_MODIFIED, current, status, null, type, validators.any() ? merge(validators, got) : got, null);
            if (status < 200 || status >= 300) {
                return FetchResult.failed(current, status, "HTTP " + status + reasonPhrase(status));
            }
            byte[] body;
            try {
                body = decode(response.body(), response.headers());
            } catch (BodyTooLarge e) {
                return FetchResult.skipped(current, "response is over " + settings.maxBodyBytes()
                        + " bytes once decompressed; abandoned (raise sources.max-body-bytes to read it)");
            } catch (IOException e) {
                return FetchResult.failed(current, status, "the response's gzip data is damaged (" + describe(e) + ")");
            }
            return new FetchResult(FetchResult.Outcome.OK, current, status, body, type, got, null);
        }
    }

    /** A 304 may leave out the validators it confirms; keep the ones sent. */
    private static PollState.Validators merge(PollState.Validators sent, PollState.Validators got) {
        return new PollState.Validators(got.etag() != null ? got.etag() : sent.etag(),
                got.lastModified() != null ? got.lastModified() : sent.lastModified());
    }

    /** One request, holding the host's slot: requests to a host never overlap and are spaced by the delay. */
    private HttpResponse<byte[]> send(URI uri, PollState.Validators v, String host)
            throws IOException, InterruptedException, TimeoutException {
        String key = host.toLowerCase(Locale.ROOT);
        ReentrantLock lock = hostLocks.computeIfAbsent(key, h -> new ReentrantLock(true));
        lock.lockInterruptibly();
        try {
            long delayMs = delayFor(key);
            Long last = lastRequest.get(key);
            if (last != null) {
                long waitMs = delayMs - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - last);
                if (waitMs > 0) Thread.sleep(waitMs);
            }
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET()
                    .timeout(settings.readTimeout())
                    .header("User-Agent", settings.userAgent())
                    .header("Accept-Encoding", "gzip")
                    .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5");
            if (v.etag() != null) b.header("If-None-Match", v.etag());
            if (v.lastModified() != null) b.header("If-Modified-Since", v.lastModified());
            CompletableFuture<HttpResponse<byte[]>> f = client.sendAsync(b.build(), this::capped);
            try {
                return f.get(settings.fetchTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                f.cancel(true); // aborts the exchange: a trickling server holds no thread and no memory after this
                throw e;
            } catch (InterruptedException e) {
                f.cancel(true);
                throw e;
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                while ((c instanceof java.util.concurrent.CompletionException || c instanceof IOException)
                        && c.getCause() instanceof BodyTooLarge t) {
                    throw t;
                }
                if (c instanceof BodyTooLarge t) throw t;
                if (c instanceof IOException io) throw io;
                throw new IOException(c == null ? "unknown failure" : c.toString(), c);
            } catch (CancellationException e) {
                throw new IOException("request cancelled", e);
            }
        } finally {
            lastRequest.put(key, System.nanoTime());
            lock.unlock();
        }
    }

    private long delayFor(String host) {
        long d = settings.hostDelay().toMillis();
        Robots r = robots.get(host);
        if (r != null && r.rules() != null) {
            long crawl = r.rules().getCrawlDelay();
            if (crawl != BaseRobotRules.UNSET_CRAWL_DELAY && crawl > d) d = Math.min(crawl, MAX_CRAWL_DELAY_MS);
        }
        return d;
    }

    /** Bodies of 2xx responses up to the cap (a larger Content-Length is refused at once); error bodies barely read. */
    private HttpResponse.BodySubscriber<byte[]> capped(HttpResponse.ResponseInfo info) {
        boolean ok = info.statusCode() >= 200 && info.statusCode() < 300;
        long cap = ok ? settings.maxBodyBytes() : ERROR_BODY_CAP;
        long declared = info.headers().firstValueAsLong("content-length").orElse(-1);
        return new CappedSubscriber(cap, ok, ok && declared > cap);
    }

    private byte[] decode(byte[] body, HttpHeaders headers) throws IOException {
        String enc = headers.firstValue("content-encoding").orElse("").strip().toLowerCase(Locale.ROOT);
        if (!enc.equals("gzip") && !enc.equals("x-gzip")) return body;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            byte[] out = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.maxBodyBytes() + 1));
            if (out.length > settings.maxBodyBytes()) throw new BodyTooLarge(); // a gzip bomb stops here
            return out;
        } catch (ZipException e) {
            throw new IOException("not gzip: " + e.getMessage(), e);
        }
    }

    private Robots robots(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String key = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + host + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        Robots cached = robots.get(key);
        if (cached != null && System.nanoTime() - cached.fetchedNanos() < ROBOTS_TTL.toNanos()) return cached;
        String robotsUrl = key + "/robots.txt";
        FetchResult r = fetch(robotsUrl, PollState.Validators.NONE, false);
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
        Robots fresh;
        if (r.outcome() == FetchResult.Outcome.OK) {
            fresh = new Robots(parser.parseContent(robotsUrl, r.body(), r.contentType() == null ? "text/plain" : r.contentType(),
                    List.of(ROBOT_NAME)), System.nanoTime(), null);
        } else if (r.status() >= 400 && r.status() < 500) {
            fresh = new Robots(parser.failedFetch(r.status()), System.nanoTime(), null); // no robots.txt: all allowed
        } else {
            // A server error or no answer for robots.txt: crawl nothing there until it can be read (RFC 9309 2.3.1.4).
            fresh = new Robots(parser.failedFetch(503), System.nanoTime(), "robots.txt of " + host + " could not be read ("
                    + (r.reason() == null ? "HTTP " + r.status() : r.reason()) + "); nothing fetched from it until it can");
        }
        robots.put(key, fresh);
        robots.put(host, fresh); // delayFor looks up by host
        return fresh;
    }

    private static String reasonPhrase(int status) {
        return switch (status) {
            case 400 -> " Bad Request";
            case 401 -> " Unauthorized";
            case 403 -> " Forbidden";
            case 404 -> " Not Found";
            case 410 -> " Gone";
            case 429 -> " Too Many Requests";
            case 500 -> " Internal Server Error";
            case 502 -> " Bad Gateway";
            case 503 -> " Service Unavailable";
            case 504 -> " Gateway Timeout";
            default -> "";
        };
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.lines().findFirst().orElse("");
    }

    @Override
    public void close() {
        client.shutdownNow();
    }

    /** Thrown inside the body subscriber when a response passes the cap. */
    static final class BodyTooLarge extends IOException {
        BodyTooLarge() {
            super("body over the cap", null);
        }
    }

    /** Collects a body up to a cap and cancels the stream past it, so memory stays bounded whatever the server sends. */
    private static final class CappedSubscriber implements HttpResponse.BodySubscriber<byte[]> {
        private final long cap;
        private final boolean failOverCap;
        private final boolean refuseNow;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        private java.util.concurrent.Flow.Subscription subscription;

        CappedSubscriber(long cap, boolean failOverCap, boolean refuseNow) {
            this.cap = cap;
            this.failOverCap = failOverCap;
            this.refuseNow = refuseNow;
        }

        @Override
        public java.util.concurrent.CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
            subscription = s;
            if (refuseNow) {
                s.cancel();
                result.completeExceptionally(new BodyTooLarge());
                return;
            }
            s.request(1);
        }

        @Override
        public void onNext(List<java.nio.ByteBuffer> items) {
            if (result.isDone()) return;
            for (java.nio.ByteBuffer b : items) {
                int n = b.remaining();
                if (buf.size() + (long) n > cap) {
                    subscription.cancel();
                    if (failOverCap) result.completeExceptionally(new BodyTooLarge());
                    else result.complete(buf.toByteArray());
                    return;
                }
                byte[] chunk = new byte[n];
                b.get(chunk);
                buf.writeBytes(chunk);
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(buf.toByteArray());
        }
    }
}
