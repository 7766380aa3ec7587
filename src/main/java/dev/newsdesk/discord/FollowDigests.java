package dev.newsdesk.discord;

import dev.newsdesk.retrieve.Filters;
import dev.newsdesk.retrieve.Hit;
import dev.newsdesk.retrieve.Retriever;
import dev.newsdesk.retrieve.SearchRequest;
import dev.newsdesk.store.AnswerLog;
import dev.newsdesk.store.FollowRepository.Follow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts the digests of {@code /follow}: when new articles arrive (the poller, a reindex), each subscription's topic
 * is searched, the matching new articles are held for that subscription, and a short cited digest of only those
 * articles goes to its channel — at most one post per subscription per {@code interval}; what arrives in between is
 * batched into the next one. Thread-safe (one lock; the searches run outside it).
 */
final class FollowDigests {
    private static final Logger LOG = LoggerFactory.getLogger(FollowDigests.class);
    /** Articles named in one digest; more are counted, not listed. */
    static final int MAX_ITEMS = 8;
    private final Retriever retriever;
    private final AnswerLog log;
    private final BiConsumer<Long, MessageEmbed> post;
    private final Duration interval;
    private final Clock clock;
    private final Map<Long, Map<String, Hit>> pending = new HashMap<>();

    /**
     * @param post sends a digest to a channel (allowed mentions none), throwing when it cannot
     * @param interval the least time between two digests of one subscription
     */
    FollowDigests(Retriever retriever, AnswerLog log, BiConsumer<Long, MessageEmbed> post, Duration interval, Clock clock) {
        this.retriever = retriever;
        this.log = log;
        this.post = post;
        this.interval = interval;
        this.clock = clock;
    }

    /** New coverage arrived: hold the matching articles for each subscription, and post what is due. */
    void newCoverage(Collection<String> articleIds) {
        if (articleIds.isEmpty()) return;
        Set<String> fresh = new HashSet<>(articleIds);
        List<Follow> follows = log.allFollows();
        for (Follow f : follows) {
            Map<String, Hit> matched = matching(f, fresh);
            if (matched.isEmpty()) continue;
            synchronized (this) {
                Map<String, Hit> held = pending.computeIfAbsent(f.id(), k -> new LinkedHashMap<>());
                matched.forEach(held::putIfAbsent);
            }
        }
        flushDue(follows);
    }

    /** Posts the digests whose interval has passed (the bot calls this every minute). */
    void flushDue() {
        synchronized (this) {
            if (pending.isEmpty()) return;
        }
        flushDue(log.allFollows());
    }

    private void flushDue(List<Follow> follows) {
        Instant now = clock.instant();
        for (Follow f : follows) {
            List<Hit> items;
            synchronized (this) {
                Map<String, Hit> held = pending.get(f.id());
                if (held == null || held.isEmpty()) continue;
                if (now.isBefore(f.lastPostedAt().plus(interval))) continue;
                items = new ArrayList<>(held.values());
                pending.remove(f.id());
            }
            try {
                post.accept(Long.parseLong(f.channelId()), digest(f, items));
                log.posted(f.id(), now);
            } catch (RuntimeException e) {
                LOG.warn("could not post the digest for '{}' in channel {}: {}", f.topic(), f.channelId(), e.toString());
            }
        }
        synchronized (this) {
            Set<Long> live = new HashSet<>();
            for (Follow f : follows) live.add(f.id());
            pending.keySet().removeIf(id -> !live.contains(id)); // unfollowed meanwhile
        }
    }

    /** The new articles whose best passage for the topic holds at least half of the topic's words. */
    private Map<String, Hit> matching(Follow f, Set<String> fresh) {
        List<String> terms = terms(f.topic());
        Filters filters = new Filters(f.outlet().isEmpty() ? List.of() : List.of(f.outlet()), null, null);
        Map<String, Hit> out = new LinkedHashMap<>();
        List<Hit> hits;
        try {
            hits = retriever.search(new SearchRequest(f.topic(), filters, 200));
        } catch (RuntimeException e) {
            LOG.warn("could not search for followed topic '{}': {}", f.topic(), e.toString());
            return out;
        }
        int need = Math.max(1, (terms.size() + 1) / 2);
        for (Hit h : hits) {
            if (!fresh.contains(h.articleId()) || out.containsKey(h.articleId())) continue;
            String text = (h.title() + " " + h.text()).toLowerCase(Locale.ROOT);
            long held = terms.stream().filter(text::contains).count();
            if (held >= need) out.put(h.articleId(), h);
        }
        return out;
    }

    static List<String> terms(String topic) {
        List<String> out = new ArrayList<>();
        for (String w : topic.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.length() >= 3 && !List.of("the", "and", "for", "with", "about", "news").contains(w)) out.add(w);
        }
        if (out.isEmpty()) out.add(topic.toLowerCase(Locale.ROOT).strip());
        return out;
    }

    /** "New coverage: rates" with each article numbered, its headline, outlet, date and link, and the passage's words. */
    static MessageEmbed digest(Follow f, List<Hit> items) {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (Hit h : items) {
            if (n == MAX_ITEMS) break;
            n++;
            String head = "**[" + n + "] " + AnswerFormatter.shorten(AnswerFormatter.neutralise(h.title()), 150) + "**";
            String meta = AnswerFormatter.neutralise(h.outlet()) + (h.published() == null ? "" : " · " + h.published())
                    + (h.url() == null || !h.url().matches("https?://\\S+") ? "" : " · <" + h.url() + ">");
            String quote = AnswerFormatter.shorten(AnswerFormatter.neutralise(firstSentence(h.text())), 220);
            String line = head + "\n" + meta + "\n> " + quote + "\n";
            if (sb.length() + line.length() > AnswerFormatter.EMBED_DESCRIPTION_LIMIT - 60) {
                n--;
                break;
            }
            sb.append(line);
        }
        if (items.size() > n) sb.append("… and ").append(items.size() - n).append(" more new articles");
        String title = "New coverage: " + f.topic() + (f.outlet().isEmpty() ? "" : " (" + f.outlet() + ")");
        return new EmbedBuilder().setColor(Replies.EMBED_COLOR)
                .setTitle(AnswerFormatter.shorten(AnswerFormatter.neutralise(title), AnswerFormatter.EMBED_TITLE_LIMIT))
                .setDescription(sb.toString()).setFooter("newsdesk · /unfollow " + AnswerFormatter.shorten(f.topic(), 80)).build();
    }

    private static String firstSentence(String text) {
        String t = text.strip();
        int end = t.indexOf(". ");
        return end > 40 ? t.substring(0, end + 1) : t;
    }
}
