package dev.newsdesk.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsdesk.answer.Answerer;
import dev.newsdesk.answer.EvidenceGate;
import dev.newsdesk.answer.ExtractiveAnswerer;
import dev.newsdesk.coverage.CoverageSettings;
import dev.newsdesk.coverage.CoverageSummarizer;
import dev.newsdesk.coverage.Grouper;
import dev.newsdesk.eval.MultiHopCorpus;
import dev.newsdesk.eval.MultiHopQueries;
import dev.newsdesk.eval.MultiHopQuery;
import dev.newsdesk.index.CorpusIngest;
import dev.newsdesk.index.IngestListener;
import dev.newsdesk.ingest.IngestLimits;
import dev.newsdesk.ingest.SentenceChunker;
import dev.newsdesk.ingest.SentenceSplitter;
import dev.newsdesk.retrieve.Bm25Retriever;
import dev.newsdesk.retrieve.Catalog;
import dev.newsdesk.retrieve.LuceneCatalog;
import dev.newsdesk.retrieve.LuceneIndex;
import dev.newsdesk.retrieve.LuceneLexicon;
import dev.newsdesk.retrieve.PlannedRetriever;
import dev.newsdesk.retrieve.QueryPlanner;
import dev.newsdesk.retrieve.Retriever;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Load harness (not a unit test; tagged {@code load}, so the default {@code mvn test} skips it): the real
 * {@link NewsdeskBot} with the real {@link ExtractiveAnswerer} over a BM25 Lucene index of the MultiHop-RAG corpus,
 * driven through {@link FakeDiscord} by 50 simulated users sending 2,000 mixed interactions (/ask with MultiHop-RAG
 * dev queries, /outlets, /cite, /source, /summary, "Source n" button clicks), 20 in flight at a time.
 *
 * <p>Run it with:
 * <pre>
 * mvn -q -B -ntp test -Dtest=BotLoadBench -Dsurefire.excludedGroups=                             # 2,000 interactions
 * mvn -q -B -ntp test -Dtest=BotLoadBench -Dsurefire.excludedGroups= -Dnewsdesk.soak.minutes=10  # then a 10 min soak
 * </pre>
 * ({@code -Dgroups=load -Dsurefire.excludedGroups=none} works too.) Surefire passes {@code -D} properties on to
 * the test JVM; {@code -Dnewsdesk.load.questions=N} changes the 2,000, {@code -Dnewsdesk.shared=DIR} where the
 * MultiHop-RAG files are looked for (default {@code ../shared}; the test is skipped with a message when they are
 * missing).
 *
 * <p>Reports answers received, lost (no final response within {@link #LOST_AFTER}), duplicated (more than one
 * final response for one interaction), refused politely (busy/cooldown replies), errors, latency percentiles from
 * sending INTERACTION_CREATE to the final response (the PATCH of {@code @original}, or the immediate reply), and
 * heap used after {@code System.gc()}. The soak phase ({@code -Dnewsdesk.soak.minutes=N}, default 0) keeps the same
 * load for N minutes and prints the heap every 30 s. Figures go to stdout and {@code target/bot-load.txt}.
 * Nothing here asserts on time; the test fails only when an interaction is lost or answered twice.
 */
@Tag("load")
@Timeout(value = 3, unit = TimeUnit.HOURS)
class BotLoadBench {
    static final int USERS = 50;
    static final int QUESTIONS = Integer.getInteger("newsdesk.load.questions", 2_000);
    static final int CONCURRENCY = 20;
    static final Duration LOST_AFTER = Duration.ofSeconds(120);
    static final Pattern TOKEN_CALLBACK = Pattern.compile("interactions/\\d+/([^/]+)/callback");
    static final Pattern TOKEN_ORIGINAL = Pattern.compile("webhooks/\\d+/([^/]+)/messages/@original");

    enum Kind { ASK, OUTLETS, CITE, SOURCE, SUMMARY, BUTTON }

    enum Outcome { ANSWERED, REFUSED, ERROR }

    /** One interaction in flight or done. */
    static final class Op {
        final Kind kind;
        final long sentNanos;
        final AtomicInteger finals = new AtomicInteger();
        volatile long finalNanos;
        volatile Outcome outcome;
        volatile boolean released;

        Op(Kind kind, long sentNanos) {
            this.kind = kind;
            this.sentNanos = sentNanos;
        }
    }

    @TempDir
    Path tmp;

    final Map<String, Op> ops = new ConcurrentHashMap<>();
    final Semaphore inFlight = new Semaphore(CONCURRENCY);
    final AtomicReferenceArray<JsonNode> answeredMessages = new AtomicReferenceArray<>(64);
    final AtomicInteger answeredSeen = new AtomicInteger();
    final StringBuilder report = new StringBuilder();
    /** The first few refusals and errors, printed with the figures. */
    final List<String> notAnswered = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The kind of the interaction the driver thread is sending right now (only that thread sends). */
    volatile Kind pendingKind;

    static Path shared() {
        return Path.of(System.getProperty("newsdesk.shared", "../shared"));
    }

    static int soakMinutes() {
        return Integer.getInteger("newsdesk.soak.minutes", 0);
    }

    @Test
    void twoThousandMixedInteractionsFromFiftyUsers() throws Exception {
        Path corpusFile = shared().resolve("datasets/multihop-rag/corpus.json");
        Path queriesFile = shared().resolve("datasets/multihop-rag/queries-dev.json");
        Assumptions.assumeTrue(Files.isRegularFile(corpusFile) && Files.isRegularFile(queriesFile),
                () -> "MultiHop-RAG not found under " + shared().toAbsolutePath()
                        + "/datasets/multihop-rag (set -Dnewsdesk.shared=<dir>); skipping the load harness");

        long t0 = System.nanoTime();
        Path indexDir = tmp.resolve("index");
        CorpusIngest.Result ingest = new CorpusIngest(new SentenceChunker(), () -> null, IngestLimits.DEFAULTS)
                .run(List.of(corpusFile), indexDir, false, IngestListener.NONE);
        line("index: %s (BM25 only) in %.1f s", ingest.summary().line(), (System.nanoTime() - t0) / 1e9);

        List<String> questions = MultiHopQueries.load(queriesFile).stream().map(MultiHopQuery::query).toList();
        List<String> quotes = quotes(MultiHopCorpus.load(corpusFile));

        try (LuceneIndex index = LuceneIndex.open(indexDir); FakeDiscord discord = new FakeDiscord();
             var searchThreads = java.util.concurrent.Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors())) {
            // Wired as cli.App.extractive does: planned retrieval (passage and sentence lists per part, the parts'
            // searches side by side, sentence-window rerank), lexicon, splitter, evidence gate.
            Catalog catalog = new LuceneCatalog(index);
            List<String> outlets = catalog.stats().outlets().stream().map(Catalog.OutletCount::outlet).toList();
            QueryPlanner planner = new QueryPlanner(outlets, LocalDate.now());
            Retriever retriever = new PlannedRetriever(new Bm25Retriever(index, false),
                    new dev.newsdesk.retrieve.SentenceRetriever(index), () -> planner, 3,
                    new dev.newsdesk.retrieve.SentenceWindowReranker(new LuceneLexicon(index),
                            dev.newsdesk.retrieve.SentenceWindowReranker.Settings.DEFAULTS), searchThreads);
            LuceneLexicon lexicon = new LuceneLexicon(index);
            Answerer answerer = new ExtractiveAnswerer(retriever, lexicon, new SentenceSplitter(),
                    ExtractiveAnswerer.Settings.DEFAULTS, new EvidenceGate(lexicon, planner::unknownOutletsIn));
            CoverageSummarizer summarizer = new CoverageSummarizer(retriever,
                    new Grouper(lexicon, new SentenceSplitter(), null, CoverageSettings.DEFAULTS), null);
            Features features = new Features(summarizer::summarize, null);

            discord.keepHistory(false).onRequest(this::observe)
                    .onInteractionSent(token -> ops.put(token, new Op(pendingKind, System.nanoTime())));
            int cores = Runtime.getRuntime().availableProcessors();
            DiscordSettings settings = DiscordSettings.defaults(() -> "load-token")
                    .withEndpoints(discord.restUrl(), discord.gatewayUrl())
                    .withGuilds(Set.of(FakeDiscord.GUILD_ID))
                    .withLimits(Duration.ZERO, cores * 2, 64);
            try (NewsdeskBot bot = new NewsdeskBot(settings, answerer, catalog, retriever, Optional.of(features), null)) {
                bot.start();
                line("machine: %d cores, %s, max heap %d MiB; bot limits: cooldown 0, %d concurrent answers, queue 64",
                        cores, System.getProperty("java.vm.name") + " " + Runtime.version(),
                        Runtime.getRuntime().maxMemory() >> 20, cores * 2);
                line("heap used before load (after System.gc()): %d MiB", heapUsedMiB());

                Random random = new Random(42);
                long start = System.nanoTime();
                Map<Kind, Integer> sent = new EnumMap<>(Kind.class);
                for (int i = 0; i < QUESTIONS; i++) {
                    Kind k = send(discord, random, questions, quotes, i);
                    sent.merge(k, 1, Integer::sum);
                }
                awaitAll();
                double seconds = (System.nanoTime() - start) / 1e9;
                Thread.sleep(2_000); // a late duplicate would arrive now
                line("load: %d interactions (%s) from %d users, %d in flight, in %.1f s (%.1f/s)", QUESTIONS, sent, USERS,
                        CONCURRENCY, seconds, QUESTIONS / seconds);
                Summary s = summarise(List.copyOf(ops.values()));
                line("%s", s.text);
                line("heap used after load (after System.gc()): %d MiB", heapUsedMiB());
                notAnswered.forEach(x -> line("  not answered: %s", AnswerFormatter.shorten(x, 300)));

                int minutes = soakMinutes();
                Summary soak = null;
                if (minutes > 0) soak = soak(discord, random, questions, quotes, Duration.ofMinutes(minutes));
                write();
                assertThat(s.lost).as("lost interactions").isZero();
                assertThat(s.duplicated).as("duplicated interactions").isZero();
                if (soak != null) {
                    assertThat(soak.lost).as("lost in soak").isZero();
                    assertThat(soak.duplicated).as("duplicated in soak").isZero();
                }
            }
        }
    }

    private Summary soak(FakeDiscord discord, Random random, List<String> questions, List<String> quotes, Duration length)
            throws InterruptedException {
        ops.clear();
        line("soak: %d min at %d in flight; heap every 30 s (after System.gc())", length.toMinutes(), CONCURRENCY);
        long start = System.nanoTime();
        long end = start + length.toNanos();
        long nextReport = start + Duration.ofSeconds(30).toNanos();
        int i = 0;
        int total = 0;
        while (System.nanoTime() < end) {
            send(discord, random, questions, quotes, i++);
            total++;
            if (System.nanoTime() >= nextReport) {
                line("  %4d s: %6d interactions, heap used %d MiB", (System.nanoTime() - start) / 1_000_000_000L, total,
                        heapUsedMiB());
                nextReport += Duration.ofSeconds(30).toNanos();
                prune(false); // forget finished interactions so the harness itself does not grow
            }
        }
        awaitAll();
        Thread.sleep(2_000);
        Summary last = summarise(List.copyOf(ops.values()));
        prune(true);
        line("soak done: %d interactions in %.1f min (%.1f/s): %s, lost %d, duplicated %d", soakTotal,
                (System.nanoTime() - start) / 6e10, soakTotal / ((System.nanoTime() - start) / 1e9), soakOutcomes,
                soakLost, soakDuplicated);
        line("soak, interactions since the last heap report: %s", last.text);
        line("heap used after soak (after System.gc()): %d MiB", heapUsedMiB());
        notAnswered.forEach(x -> line("  not answered: %s", AnswerFormatter.shorten(x, 300)));
        return new Summary(last.text, soakLost, soakDuplicated);
    }

    private int soakLost;
    private int soakDuplicated;
    private int soakTotal;
    private final Map<Outcome, Integer> soakOutcomes = new EnumMap<>(Outcome.class);

    /** Tallies and forgets interactions finished (or lost) more than 5 s ago. */
    private void prune(boolean all) {
        long now = System.nanoTime();
        ops.values().removeIf(op -> {
            int f = op.finals.get();
            boolean old = all || (f > 0 ? now - op.finalNanos > 5_000_000_000L
                    : now - op.sentNanos > LOST_AFTER.toNanos() + 5_000_000_000L);
            if (!old) return false;
            soakTotal++;
            if (f == 0) soakLost++;
            else soakOutcomes.merge(op.outcome, 1, Integer::sum);
            if (f > 1) soakDuplicated++;
            return true;
        });
    }

    /** Sends one interaction of a kind chosen by the mix; blocks while {@link #CONCURRENCY} are in flight. */
    private Kind send(FakeDiscord discord, Random random, List<String> questions, List<String> quotes, int i)
            throws InterruptedException {
        if (!inFlight.tryAcquire(LOST_AFTER.toSeconds(), TimeUnit.SECONDS)) {
            reapLost();
            inFlight.acquire();
        }
        long user = FakeDiscord.USER_ID + 1 + (i % USERS);
        long channel = i % 3 == 0 ? FakeDiscord.OTHER_CHANNEL_ID : FakeDiscord.CHANNEL_ID;
        int roll = random.nextInt(100);
        Kind kind = roll < 60 ? Kind.ASK : roll < 68 ? Kind.OUTLETS : roll < 76 ? Kind.CITE : roll < 84 ? Kind.SOURCE
                : roll < 90 ? Kind.SUMMARY : Kind.BUTTON;
        JsonNode clicked = null;
        if (kind == Kind.BUTTON) {
            int seen = answeredSeen.get();
            clicked = seen == 0 ? null : answeredMessages.get(random.nextInt(Math.min(seen, answeredMessages.length())));
            if (clicked == null) kind = Kind.OUTLETS;
        }
        pendingKind = kind;
        switch (kind) {
            case ASK -> discord.sendSlashCommand(channel, user, "ask",
                    Map.of("question", questions.get(random.nextInt(questions.size()))));
            case OUTLETS -> discord.sendSlashCommand(channel, user, "outlets", Map.of());
            case CITE -> discord.sendSlashCommand(channel, user, "cite", Map.of("number", 1 + random.nextInt(3)));
            case SOURCE -> discord.sendSlashCommand(channel, user, "source",
                    Map.of("quote", quotes.get(random.nextInt(quotes.size()))));
            case SUMMARY -> discord.sendSlashCommand(channel, user, "summary",
                    Map.of("topic", topics(questions.get(random.nextInt(questions.size())))));
            case BUTTON -> {
                ObjectNode message = discord.message(discord.newId(), channel, discord.user(FakeDiscord.BOT_ID), "", List.of());
                message.set("components", clicked.path("components"));
                var embeds = message.putArray("embeds"); // as Discord returns them: with a type
                clicked.path("embeds").forEach(e -> embeds.add(copy(e).put("type", "rich")));
                String customId = clicked.path("components").get(0).path("components").get(0).path("custom_id").asText();
                discord.sendButton(channel, user, customId, message);
            }
        }
        return kind;
    }

    private void reapLost() {
        long now = System.nanoTime();
        for (Op op : ops.values()) {
            if (op.finals.get() == 0 && !op.released && now - op.sentNanos > LOST_AFTER.toNanos()) {
                op.released = true;
                inFlight.release();
            }
        }
    }

    /** Waits until every interaction has a final response, or {@link #LOST_AFTER} passed since it was sent. */
    private void awaitAll() throws InterruptedException {
        while (true) {
            long now = System.nanoTime();
            boolean waiting = ops.values().stream()
                    .anyMatch(op -> op.finals.get() == 0 && now - op.sentNanos < LOST_AFTER.toNanos());
            if (!waiting) return;
            Thread.sleep(50);
        }
    }

    /** Called by the fake for every REST request: spots final responses and classifies them. */
    private void observe(FakeDiscord.Request r) {
        Matcher m;
        String token;
        Outcome outcome;
        JsonNode body = r.body();
        if (r.method().equals("POST") && (m = TOKEN_CALLBACK.matcher(r.path())).matches()) {
            if (body == null || body.path("type").asInt() != 4) return; // a defer is not an answer
            token = m.group(1);
            outcome = classify(body.path("data").path("content").asText(""));
        } else if (r.method().equals("PATCH") && (m = TOKEN_ORIGINAL.matcher(r.path())).matches()) {
            token = m.group(1);
            outcome = body != null && body.path("embeds").size() > 0 ? Outcome.ANSWERED
                    : classify(body == null ? "" : body.path("content").asText(""));
            Op op = ops.get(token);
            if (op != null && op.kind == Kind.ASK && body != null && body.path("components").size() > 0) {
                int n = answeredSeen.getAndIncrement();
                answeredMessages.set(n % answeredMessages.length(), body);
            }
        } else if (r.method().equals("DELETE") && (m = TOKEN_ORIGINAL.matcher(r.path())).matches()) {
            token = m.group(1); // the failure path: delete "thinking…", then an ephemeral follow-up
            outcome = Outcome.ERROR;
        } else {
            return;
        }
        Op op = ops.get(token);
        if (op == null) return;
        if (op.finals.incrementAndGet() == 1) {
            op.finalNanos = System.nanoTime();
            op.outcome = outcome;
            if (outcome != Outcome.ANSWERED && notAnswered.size() < 5) notAnswered.add(op.kind + ": " + r);
            if (!op.released) {
                op.released = true;
                inFlight.release();
            }
        }
    }

    /**
     * The bot's own fixed replies are refusals or errors; anything else is an answer (article text may well say
     * "something went wrong", so only exact matches count).
     */
    static Outcome classify(String content) {
        String c = content.strip();
        if (c.equals(Replies.BUSY) || c.equals(Replies.CLOSING)
                || c.matches("Please wait \\d+ s before asking again\\.")) {
            return Outcome.REFUSED;
        }
        if (c.equals(Replies.FAILED)) return Outcome.ERROR;
        return Outcome.ANSWERED;
    }

    record Summary(String text, int lost, int duplicated) {}

    static Summary summarise(List<Op> all) {
        int lost = 0, dup = 0;
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        List<Long> latencies = new ArrayList<>();
        Map<Kind, List<Long>> byKind = new EnumMap<>(Kind.class);
        for (Op op : all) {
            int f = op.finals.get();
            if (f == 0) {
                lost++;
                continue;
            }
            if (f > 1) dup++;
            outcomes.merge(op.outcome, 1, Integer::sum);
            long micros = (op.finalNanos - op.sentNanos) / 1_000;
            latencies.add(micros);
            byKind.computeIfAbsent(op.kind, k -> new ArrayList<>()).add(micros);
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "answers received %d, refused politely %d, errors %d, lost %d, duplicated %d%n",
                outcomes.getOrDefault(Outcome.ANSWERED, 0), outcomes.getOrDefault(Outcome.REFUSED, 0),
                outcomes.getOrDefault(Outcome.ERROR, 0), lost, dup));
        sb.append("latency INTERACTION_CREATE -> final response: ").append(percentiles(latencies));
        for (var e : byKind.entrySet()) {
            sb.append(String.format(Locale.ROOT, "%n  %-8s n=%-5d %s", e.getKey().name().toLowerCase(Locale.ROOT),
                    e.getValue().size(), percentiles(e.getValue())));
        }
        return new Summary(sb.toString(), lost, dup);
    }

    static String percentiles(List<Long> micros) {
        if (micros.isEmpty()) return "n/a";
        long[] a = micros.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(a);
        return String.format(Locale.ROOT, "p50 %d ms, p95 %d ms, p99 %d ms, max %d ms", pct(a, 50) / 1000,
                pct(a, 95) / 1000, pct(a, 99) / 1000, a[a.length - 1] / 1000);
    }

    static long pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static long heapUsedMiB() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) >> 20;
    }

    /** Short quotes (the start of a sentence, 6 to 10 words) from article bodies, for /source. */
    static List<String> quotes(List<MultiHopCorpus.Article> articles) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < articles.size(); i += 3) {
            String[] words = articles.get(i).body().strip().split("\\s+");
            if (words.length < 30) continue;
            int from = 10 + (i % 10);
            out.add(String.join(" ", Arrays.copyOfRange(words, from, from + 6 + (i % 5))));
        }
        return out;
    }

    private void line(String format, Object... args) {
        String s = String.format(Locale.ROOT, format, args);
        System.out.println("[bot-load] " + s.replace("\n", "\n[bot-load] "));
        synchronized (report) {
            report.append(s).append('\n');
        }
    }

    private void write() throws IOException {
        Path out = Path.of(System.getProperty("basedir", ".")).resolve("target/bot-load.txt");
        Files.createDirectories(out.getParent());
        synchronized (report) {
            Files.writeString(out, report.toString());
        }
    }

    static ObjectNode copy(JsonNode n) {
        return ((ObjectNode) n).deepCopy();
    }

    /** A /summary topic: the first few content words of a question. */
    static String topics(String question) {
        String[] words = question.replaceAll("[^\\p{L}\\p{N} ]", " ").strip().split("\\s+");
        return String.join(" ", Arrays.copyOfRange(words, Math.min(3, words.length - 1), Math.min(words.length, 9)));
    }
}
