package dev.newsdesk.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What polling remembers between runs, kept in {@code poll-state.json} next to the index it feeds: per source its
 * last poll, last success, articles taken, consecutive failures, next poll and validators; per article URL seen its
 * validators and the feed's stamp for it, so an unchanged feed is asked for conditionally and a seen article is not
 * fetched again unless its feed says it changed. Thread-safe: sources polled on several threads update it at once.
 */
public final class PollState {
    public static final String FILE = "poll-state.json";
    /** Article URLs remembered; past this the oldest are forgotten (they are in the index anyway). */
    static final int MAX_PAGES = 100_000;

    /** HTTP validators of a response: sent back as If-None-Match and If-Modified-Since. */
    public record Validators(String etag, String lastModified) {
        public static final Validators NONE = new Validators(null, null);

        public boolean any() {
            return etag != null || lastModified != null;
        }
    }

    /** One source's record. Times may be null (never happened). */
    public record SourceStatus(Instant lastPoll, Instant lastSuccess, long articlesTaken, int consecutiveFailures,
                               Instant nextPoll, String lastError, Validators validators) {
        public static final SourceStatus NEW = new SourceStatus(null, null, 0, 0, null, null, Validators.NONE);

        public SourceStatus {
            if (validators == null) validators = Validators.NONE;
        }
    }

    /**
     * One article URL seen in a listing.
     *
     * @param stamp     what the listing said about it (its updated/published date), to notice an update
     * @param canonical the page's canonical URL, its identity in the index
     */
    public record PageMemo(Validators validators, String stamp, String canonical, Instant seen) {}

    private final Map<String, SourceStatus> sources = new ConcurrentHashMap<>();
    private final Map<String, PageMemo> pages = new ConcurrentHashMap<>();

    public SourceStatus source(String url) {
        return sources.getOrDefault(url, SourceStatus.NEW);
    }

    public void source(String url, SourceStatus status) {
        sources.put(url, status);
    }

    public Optional<PageMemo> page(String url) {
        return Optional.ofNullable(pages.get(url));
    }

    public void page(String url, PageMemo memo) {
        pages.put(url, memo);
    }

    public int pageCount() {
        return pages.size();
    }

    /** @throws IOException naming the file when it exists but cannot be read */
    public static PollState load(Path file) throws IOException {
        PollState s = new PollState();
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return s;
        } catch (IOException e) {
            throw new IOException("poll state " + file + " cannot be read (" + e.getMessage().lines().findFirst().orElse("")
                    + "); delete it to start afresh (every source is then fetched once again)", e);
        }
        if (root == null) return s;
        root.path("sources").properties().forEach(e -> {
            JsonNode n = e.getValue();
            s.sources.put(e.getKey(), new SourceStatus(instant(n, "last_poll"), instant(n, "last_success"),
                    n.path("articles_taken").asLong(), n.path("consecutive_failures").asInt(), instant(n, "next_poll"),
                    text(n, "last_error"), new Validators(text(n, "etag"), text(n, "last_modified"))));
        });
        root.path("pages").properties().forEach(e -> {
            JsonNode n = e.getValue();
            s.pages.put(e.getKey(), new PageMemo(new Validators(text(n, "etag"), text(n, "last_modified")),
                    text(n, "stamp"), text(n, "canonical"), instant(n, "seen")));
        });
        return s;
    }

    /** Writes the state atomically (a temporary file replaces the old one), forgetting the oldest pages past the cap. */
    public synchronized void save(Path file) throws IOException {
        if (pages.size() > MAX_PAGES) {
            pages.entrySet().stream()
                    .sorted(Comparator.comparing(e -> e.getValue().seen() == null ? Instant.EPOCH : e.getValue().seen()))
                    .limit(pages.size() - MAX_PAGES).map(Map.Entry::getKey).toList().forEach(pages::remove);
        }
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = m.createObjectNode();
        root.put("version", 1);
        ObjectNode src = root.putObject("sources");
        new java.util.TreeMap<>(sources).forEach((url, st) -> {
            ObjectNode n = src.putObject(url);
            put(n, "last_poll", st.lastPoll());
            put(n, "last_success", st.lastSuccess());
            n.put("articles_taken", st.articlesTaken());
            n.put("consecutive_failures", st.consecutiveFailures());
            put(n, "next_poll", st.nextPoll());
            if (st.lastError() != null) n.put("last_error", st.lastError());
            if (st.validators().etag() != null) n.put("etag", st.validators().etag());
            if (st.validators().lastModified() != null) n.put("last_modified", st.validators().lastModified());
        });
        ObjectNode pg = root.putObject("pages");
        new java.util.TreeMap<>(pages).forEach((url, p) -> {
            ObjectNode n = pg.putObject(url);
            if (p.validators().etag() != null) n.put("etag", p.validators().etag());
            if (p.validators().lastModified() != null) n.put("last_modified", p.validators().lastModified());
            if (p.stamp() != null) n.put("stamp", p.stamp());
            if (p.canonical() != null) n.put("canonical", p.canonical());
            put(n, "seen", p.seen());
        });
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, ".poll-state", ".tmp");
        try {
            Files.writeString(tmp, m.writerWithDefaultPrettyPrinter().writeValueAsString(root), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void put(ObjectNode n, String key, Instant t) {
        if (t != null) n.put(key, t.toString());
    }

    private static Instant instant(JsonNode n, String key) {
        String s = text(n, key);
        try {
            return s == null ? null : Instant.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            return null; // a hand-edited time is forgotten, not fatal: the source is just polled now
        }
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }
}
