package dev.newsdesk.discord;

import dev.newsdesk.answer.Answer;
import dev.newsdesk.answer.Answerer;
import dev.newsdesk.answer.Citation;
import dev.newsdesk.retrieve.Catalog;
import dev.newsdesk.retrieve.Filters;
import dev.newsdesk.retrieve.Retriever;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message.MentionType;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.channel.Channel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every command shares: the services, access rules, per-user cooldown, the bounded executors and the
 * rules for sending answers (allowed mentions none, limits, buttons). One instance per {@link NewsdeskBot}.
 *
 * <p>Threading: handlers run on JDA's event thread and only do in-memory checks there (access, cooldown,
 * reserving an executor slot), then acknowledge and hand the work to {@code answers} (slow: answerer, summary,
 * compare) or {@code quick} (catalog look-ups, retrieval for /source, buttons). Workers block on REST calls with
 * {@code complete()} so that a finished task means its messages were sent: {@link #close(Duration)} relies on it.
 */
final class CommandContext {
    private static final Logger LOG = LoggerFactory.getLogger(CommandContext.class);
    static final EnumSet<MentionType> NO_MENTIONS = EnumSet.noneOf(MentionType.class);
    static final String BUTTON_PREFIX = "newsdesk:src:";
    static final String BUSY = "I am answering a lot of questions right now; please try again in a minute.";
    static final String CLOSING = "The bot is restarting; please try again in a minute.";
    static final String FAILED = "Sorry, something went wrong while answering. Please try again later.";
    static final String NOT_ALLOWED_CHANNEL = "I don't answer questions in this channel.";
    static final String NOT_ALLOWED_ROLE = "You need one of the allowed roles to use this bot.";
    static final int EMBED_COLOR = 0x2B6CB0;

    final DiscordSettings settings;
    final Answerer answerer;
    final Catalog catalog;
    final Retriever retriever;
    final Features features;
    final Reindexer reindexer;
    final RecentAnswers recent = new RecentAnswers(1000);

    private final Semaphore answerSlots;
    private final ThreadPoolExecutor answers;
    private final ThreadPoolExecutor quick;
    private final Map<Long, Instant> lastQuestionAt = new ConcurrentHashMap<>();
    private final Supplier<Instant> clock;
    private volatile boolean accepting = true;

    CommandContext(DiscordSettings settings, Answerer answerer, Catalog catalog, Retriever retriever, Features features,
                   Reindexer reindexer, Supplier<Instant> clock) {
        this.settings = settings;
        this.answerer = answerer;
        this.catalog = catalog;
        this.retriever = retriever;
        this.features = features == null ? Features.NONE : features;
        this.reindexer = reindexer;
        this.clock = clock;
        int n = settings.maxConcurrentAnswers();
        // Permits cover running plus queued answers, so the queue below can never overflow.
        this.answerSlots = new Semaphore(n + settings.queueBound());
        this.answers = new ThreadPoolExecutor(n, n, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                threads("newsdesk-answer"));
        this.answers.allowCoreThreadTimeOut(true);
        this.quick = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(4 * settings.queueBound()),
                threads("newsdesk-quick"));
        this.quick.allowCoreThreadTimeOut(true);
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private volatile Catalog.Stats cachedStats;
    private volatile Instant cachedStatsAt = Instant.EPOCH;

    /** Drops the cached corpus statistics (after a reindex), so the next /outlets or autocomplete recomputes them. */
    void forgetStats() {
        cachedStats = null;
    }

    /**
     * The catalog, with {@code stats()} cached for a minute (or until {@link #forgetStats()}): autocomplete runs on JDA's event thread for every
     * keystroke and must answer within 3 s, so corpus statistics are not recomputed each time.
     */
    Catalog outletCatalog() {
        return new Catalog() {
            @Override
            public java.util.Optional<dev.newsdesk.retrieve.ArticleView> article(String id) {
                return catalog.article(id);
            }

            @Override
            public java.util.Optional<dev.newsdesk.retrieve.Hit> passage(String id) {
                return catalog.passage(id);
            }

            @Override
            public List<dev.newsdesk.retrieve.Hit> passagesOf(String id) {
                return catalog.passagesOf(id);
            }

            @Override
            public List<String> articleIds() {
                return catalog.articleIds();
            }

            @Override
            public Stats stats() {
                Instant now = clock.get();
                Catalog.Stats s = cachedStats;
                if (s == null || cachedStatsAt.plusSeconds(60).isBefore(now)) {
                    s = catalog.stats();
                    cachedStats = s;
                    cachedStatsAt = now;
                }
                return s;
            }
        };
    }

    // ---- access -------------------------------------------------------------------------------------------

    /** Null when the member may use the bot in this channel, else the (ephemeral) reason. */
    String denied(Member member, Channel channel) {
        if (!settings.allowedChannelIds().isEmpty() && !channelAllowed(channel)) return NOT_ALLOWED_CHANNEL;
        if (!settings.allowedRoleIds().isEmpty() && !hasAnyRole(member, settings.allowedRoleIds())) return NOT_ALLOWED_ROLE;
        return null;
    }

    private boolean channelAllowed(Channel channel) {
        if (channel == null) return false;
        if (settings.allowedChannelIds().contains(channel.getIdLong())) return true;
        return channel instanceof ThreadChannel t && settings.allowedChannelIds().contains(t.getParentChannel().getIdLong());
    }

    boolean isAdmin(Member member) {
        return !settings.adminRoleIds().isEmpty() && hasAnyRole(member, settings.adminRoleIds());
    }

    private static boolean hasAnyRole(Member member, Collection<Long> roles) {
        if (member == null) return false;
        for (Role r : member.getRoles()) if (roles.contains(r.getIdLong())) return true;
        return false;
    }

    /**
     * Records a question by this user now, or returns a polite "wait" message when the previous one was less
     * than the cooldown ago (then nothing is recorded).
     */
    String cooldown(long userId) {
        Duration cd = settings.cooldown();
        if (cd.isZero()) return null;
        Instant now = clock.get();
        String[] msg = new String[1];
        lastQuestionAt.compute(userId, (id, last) -> {
            if (last != null && last.plus(cd).isAfter(now)) {
                long secs = Math.max(1, Duration.between(now, last.plus(cd)).toMillis() / 1000 + 1);
                msg[0] = "Please wait " + secs + " s before asking again.";
                return last;
            }
            return now;
        });
        if (lastQuestionAt.size() > 10_000) lastQuestionAt.values().removeIf(t -> t.plus(cd).isBefore(now));
        return msg[0];
    }

    // ---- executors ----------------------------------------------------------------------------------------

    /** Reserves room for one answer; false when the queue is full or the bot is closing. */
    boolean tryReserveAnswer() {
        return accepting && answerSlots.tryAcquire();
    }

    /** Runs a reserved answer task; the reservation is released when it ends. */
    void runAnswer(Runnable task, Runnable onRejected) {
        try {
            answers.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warn("answer task failed: {}", e.toString());
                } finally {
                    answerSlots.release();
                }
            });
        } catch (RejectedExecutionException e) {
            answerSlots.release();
            onRejected.run();
        }
    }

    /** Runs a short task (catalog look-ups, formatting); false when it cannot be accepted. */
    boolean runQuick(Runnable task) {
        if (!accepting) return false;
        try {
            quick.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warn("task failed: {}", e.toString());
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    boolean accepting() {
        return accepting;
    }

    /** Stops accepting work and waits up to {@code grace} for in-flight answers; true when all finished. */
    boolean close(Duration grace) {
        accepting = false;
        answers.shutdown();
        quick.shutdown();
        long deadline = System.nanoTime() + grace.toNanos();
        boolean done;
        try {
            done = answers.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
                    & quick.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done = false;
        }
        if (!done) {
            answers.shutdownNow();
            quick.shutdownNow();
        }
        return done;
    }

    // ---- interaction flows --------------------------------------------------------------------------------

    /** An ephemeral, short reply that pings nobody. Use before the interaction was acknowledged. */
    static void replyEphemeral(IReplyCallback event, String text) {
        event.reply(AnswerFormatter.shorten(AnswerFormatter.neutralise(text), AnswerFormatter.CONTENT_LIMIT))
                .setEphemeral(true).setAllowedMentions(NO_MENTIONS).queue(null, e -> LOG.debug("reply failed: {}", e.toString()));
    }

    /**
     * The common flow for anything that produces an {@link Answer}: access was checked by the caller; here the
     * cooldown and a queue slot are taken (else an ephemeral explanation), the interaction is deferred, and the
     * answer is computed on the answer executor and edited into the original response.
     */
    void answerInteraction(IReplyCallback event, String title, Supplier<Answer> work) {
        String wait = cooldown(event.getUser().getIdLong());
        if (wait != null) {
            replyEphemeral(event, wait);
            return;
        }
        if (!tryReserveAnswer()) {
            replyEphemeral(event, accepting ? BUSY : CLOSING);
            return;
        }
        event.deferReply().queue(null, e -> LOG.debug("defer failed: {}", e.toString()));
        InteractionHook hook = event.getHook();
        long channelId = event.getChannelIdLong();
        runAnswer(() -> {
            Answer answer;
            try {
                answer = work.get();
            } catch (RuntimeException e) {
                LOG.warn("answering failed: {}", e.toString());
                failEphemeral(hook, FAILED);
                return;
            }
            try {
                sendAnswer(hook, channelId, title, answer);
            } catch (RuntimeException e) {
                LOG.warn("could not send an answer: {}", e.toString());
            }
        }, () -> failEphemeral(hook, CLOSING));
    }

    /** Defers ephemerally and runs a quick task whose embed becomes the (ephemeral) response. */
    void quickEphemeral(IReplyCallback event, Supplier<MessageEmbed> work) {
        if (!accepting) {
            replyEphemeral(event, CLOSING);
            return;
        }
        event.deferReply(true).queue(null, e -> LOG.debug("defer failed: {}", e.toString()));
        InteractionHook hook = event.getHook();
        if (!runQuick(() -> editTo(hook, work, true))) fail(hook, BUSY, true);
    }

    /** Defers publicly and runs a quick task whose embed becomes the response. */
    void quickPublic(IReplyCallback event, Supplier<MessageEmbed> work) {
        if (!accepting) {
            replyEphemeral(event, CLOSING);
            return;
        }
        event.deferReply().queue(null, e -> LOG.debug("defer failed: {}", e.toString()));
        InteractionHook hook = event.getHook();
        if (!runQuick(() -> editTo(hook, work, false))) fail(hook, BUSY, false);
    }

    void editTo(InteractionHook hook, Supplier<MessageEmbed> work, boolean ephemeral) {
        MessageEmbed embed;
        try {
            embed = work.get();
        } catch (UserError e) {
            fail(hook, e.getMessage(), ephemeral);
            return;
        } catch (RuntimeException e) {
            LOG.warn("command failed: {}", e.toString());
            fail(hook, FAILED, ephemeral);
            return;
        }
        try {
            hook.editOriginal(new MessageEditBuilder().setEmbeds(embed).setAllowedMentions(NO_MENTIONS).build()).complete();
        } catch (RuntimeException e) {
            LOG.warn("could not send a response: {}", e.toString());
        }
    }

    /**
     * Replaces a publicly deferred response with a short ephemeral error: the public "thinking…" message is
     * deleted and an ephemeral follow-up is sent, so errors are seen only by the person who asked.
     */
    static void failEphemeral(InteractionHook hook, String text) {
        fail(hook, text, false);
    }

    /** Reports an error on a hook; {@code ephemeralDefer} when the interaction was deferred ephemerally. */
    static void fail(InteractionHook hook, String text, boolean ephemeralDefer) {
        String msg = AnswerFormatter.shorten(AnswerFormatter.neutralise(text), AnswerFormatter.CONTENT_LIMIT);
        try {
            if (hook.isExpired()) return;
            if (ephemeralDefer) {
                hook.editOriginal(new MessageEditBuilder().setContent(msg)
                        .setAllowedMentions(NO_MENTIONS).build()).complete();
            } else {
                hook.deleteOriginal().complete();
                hook.sendMessage(msg).setEphemeral(true).setAllowedMentions(NO_MENTIONS).complete();
            }
        } catch (RuntimeException e) {
            LOG.debug("could not report an error to the user: {}", e.toString());
        }
    }

    /** Sends an answer as the interaction's original response (plus follow-ups when it needs several messages). */
    void sendAnswer(InteractionHook hook, long channelId, String title, Answer answer) {
        List<MessageCreateData> msgs = answerMessages(channelId, title, answer);
        MessageCreateData first = msgs.get(0);
        // fromCreateData drops the flags, so suppressing link previews is set again explicitly.
        MessageEditData edit = MessageEditBuilder.fromCreateData(first).setSuppressEmbeds(first.isSuppressEmbeds())
                .setAllowedMentions(NO_MENTIONS).build();
        hook.editOriginal(edit).complete();
        for (MessageCreateData m : msgs.subList(1, msgs.size())) hook.sendMessage(m).complete();
    }

    /**
     * Builds the messages for an answer: one embed (title = question, description = answer + sources) when it
     * fits, else plain messages with link previews suppressed; "Source n" buttons under the last one. Every
     * message has allowed mentions set to none. The answer is remembered for /cite and the buttons.
     */
    List<MessageCreateData> answerMessages(long channelId, String title, Answer answer) {
        String key = recent.remember(channelId, answer);
        List<ActionRow> rows = sourceButtons(key, answer.citations());
        String description = AnswerFormatter.embedDescription(answer);
        List<MessageCreateData> out = new ArrayList<>();
        if (description != null) {
            EmbedBuilder eb = new EmbedBuilder().setColor(EMBED_COLOR).setDescription(description);
            if (title != null && !title.isBlank()) {
                eb.setTitle(AnswerFormatter.shorten(AnswerFormatter.neutralise(title.strip()), AnswerFormatter.EMBED_TITLE_LIMIT));
            }
            if (answer.answerer() != null) eb.setFooter(AnswerFormatter.shorten("newsdesk · " + answer.answerer(), 200));
            out.add(new MessageCreateBuilder().setEmbeds(eb.build()).setComponents(rows).setAllowedMentions(NO_MENTIONS).build());
        } else {
            List<String> parts = AnswerFormatter.messages(answer);
            for (int i = 0; i < parts.size(); i++) {
                MessageCreateBuilder b = new MessageCreateBuilder().setContent(parts.get(i)).setSuppressEmbeds(true)
                        .setAllowedMentions(NO_MENTIONS);
                if (i == parts.size() - 1) b.setComponents(rows);
                out.add(b.build());
            }
        }
        return out;
    }

    /** Up to 25 "Source n" buttons, 5 per row. */
    static List<ActionRow> sourceButtons(String key, List<Citation> citations) {
        List<Button> buttons = citations.stream().limit(AnswerFormatter.MAX_SOURCE_BUTTONS)
                .map(c -> Button.secondary(BUTTON_PREFIX + key + ":" + c.n(), AnswerFormatter.buttonLabel(c))).toList();
        List<ActionRow> rows = new ArrayList<>();
        for (int i = 0; i < buttons.size(); i += 5) rows.add(ActionRow.of(buttons.subList(i, Math.min(i + 5, buttons.size()))));
        return rows;
    }

    MessageEmbed citationEmbed(Citation c) {
        String detail = AnswerFormatter.citationDetail(c, catalog.article(c.articleId()).orElse(null));
        return new EmbedBuilder().setColor(EMBED_COLOR).setDescription(detail).build();
    }

    static MessageEmbed textEmbed(String title, String description) {
        EmbedBuilder eb = new EmbedBuilder().setColor(EMBED_COLOR)
                .setDescription(AnswerFormatter.shorten(AnswerFormatter.neutralise(description), AnswerFormatter.EMBED_DESCRIPTION_LIMIT));
        if (title != null) eb.setTitle(AnswerFormatter.shorten(AnswerFormatter.neutralise(title), AnswerFormatter.EMBED_TITLE_LIMIT));
        return eb.build();
    }

    // ---- option parsing -----------------------------------------------------------------------------------

    /** Filters from optional outlet/since/until strings; {@link UserError} with a fix when one is malformed. */
    static Filters filters(String outlets, String since, String until) {
        List<String> list = outlets == null ? List.of() : List.of(outlets.split(","));
        try {
            return new Filters(list, date("since", since), date("until", until));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage().replace("--", ""));
        }
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new UserError("'" + AnswerFormatter.shorten(value.strip(), 40) + "' is not a date for " + name
                    + "; use YYYY-MM-DD, e.g. 2024-03-01");
        }
    }

    /** A problem with what the user typed: its message is shown to them as is. */
    static final class UserError extends IllegalArgumentException {
        UserError(String message) {
            super(message);
        }
    }
}
