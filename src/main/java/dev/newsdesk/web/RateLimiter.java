package dev.newsdesk.web;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code perMinute} requests per client in each minute (a fixed window per client key). Javalin's
 * NaiveRateLimit keeps its counters in a static map shared by every server in the JVM; this one belongs to its
 * server. Memory is bounded: windows that ended are dropped when the map grows. Thread-safe.
 */
final class RateLimiter {
    private static final int MAX_CLIENTS = 10_000;
    private final int perMinute;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    private record Window(long minute, int count) {}

    RateLimiter(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Counts one request of {@code client}; false when the client is over its limit this minute. */
    boolean allow(String client) {
        long minute = clock.millis() / 60_000;
        if (windows.size() > MAX_CLIENTS) windows.values().removeIf(w -> w.minute() < minute);
        Window w = windows.merge(client, new Window(minute, 1),
                (old, one) -> old.minute() == minute ? new Window(minute, old.count() + 1) : one);
        return w.count() <= perMinute;
    }

    /** Seconds until the current window ends (for Retry-After). */
    long secondsToNextWindow() {
        return 60 - (clock.millis() / 1000) % 60;
    }

    int perMinute() {
        return perMinute;
    }
}
