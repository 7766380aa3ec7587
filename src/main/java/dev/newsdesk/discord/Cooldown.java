package dev.newsdesk.discord;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** The per-user pause between questions ({@code discord.cooldown}); zero turns it off. Thread-safe. */
final class Cooldown {
    private final Duration pause;
    private final Supplier<Instant> clock;
    private final Map<Long, Instant> lastQuestionAt = new ConcurrentHashMap<>();

    Cooldown(Duration pause, Supplier<Instant> clock) {
        this.pause = pause;
        this.clock = clock;
    }

    /**
     * Records a question by this user now, or returns a polite "wait" message when the previous one was less
     * than the cooldown ago (then nothing is recorded).
     */
    String check(long userId) {
        if (pause.isZero()) return null;
        Instant now = clock.get();
        String[] msg = new String[1];
        lastQuestionAt.compute(userId, (id, last) -> {
            if (last != null && last.plus(pause).isAfter(now)) {
                long secs = Math.max(1, Duration.between(now, last.plus(pause)).toMillis() / 1000 + 1);
                msg[0] = "Please wait " + secs + " s before asking again.";
                return last;
            }
            return now;
        });
        // Bounded memory: entries whose pause has passed say nothing any more.
        if (lastQuestionAt.size() > 10_000) lastQuestionAt.values().removeIf(t -> t.plus(pause).isBefore(now));
        return msg[0];
    }
}
