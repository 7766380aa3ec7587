package dev.newsdesk.discord;

import dev.newsdesk.answer.Answer;
import dev.newsdesk.answer.Question;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * In-memory, bounded memory of recent answers: by key (for "Source n" buttons), the last answer per channel or
 * thread (for /cite), and conversation turns per thread (for follow-ups). Lost on restart by design: nothing
 * users said is written to disk. Thread-safe (coarse lock; every operation is O(1)).
 */
final class RecentAnswers {
    static final int MAX_TURNS = 10;
    private final int capacity;
    private final String prefix = Long.toString(System.currentTimeMillis() / 1000, 36);
    private final AtomicLong counter = new AtomicLong();
    private final Map<String, Answer> byKey;
    private final Map<Long, Answer> lastInChannel;
    private final Map<Long, List<Question.Turn>> turns;

    RecentAnswers(int capacity) {
        this.capacity = capacity;
        this.byKey = lru();
        this.lastInChannel = lru();
        this.turns = lru();
    }

    private <K, V> Map<K, V> lru() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Remembers an answer given in a channel; returns the key that buttons refer to. */
    synchronized String remember(long channelId, Answer answer) {
        String key = prefix + "-" + Long.toString(counter.incrementAndGet(), 36);
        byKey.put(key, answer);
        lastInChannel.put(channelId, answer);
        return key;
    }

    synchronized Optional<Answer> byKey(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    synchronized Optional<Answer> lastIn(long channelId) {
        return Optional.ofNullable(lastInChannel.get(channelId));
    }

    /** Conversation so far in a thread, oldest first (at most {@value #MAX_TURNS} turns). */
    synchronized List<Question.Turn> turns(long threadId) {
        return List.copyOf(turns.getOrDefault(threadId, List.of()));
    }

    synchronized void addTurn(long threadId, Question.Turn turn) {
        List<Question.Turn> list = new ArrayList<>(turns.getOrDefault(threadId, List.of()));
        list.add(turn);
        while (list.size() > MAX_TURNS) list.remove(0);
        turns.put(threadId, list);
    }
}
