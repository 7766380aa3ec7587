package dev.newsdesk.discord;

import dev.newsdesk.answer.Answerer;
import dev.newsdesk.retrieve.Catalog;
import dev.newsdesk.retrieve.Retriever;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.GenericCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.ChunkingFilter;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import net.dv8tion.jda.api.utils.messages.MessageRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The newsdesk Discord bot. Wiring (the CLI's {@code newsdesk bot}):
 * <pre>{@code
 * DiscordSettings settings = DiscordSettings.fromEnvironment(System.getenv(), configProperties);
 * try (NewsdeskBot bot = new NewsdeskBot(settings, answerer, catalog, retriever,
 *                                        Optional.empty(),        // or Optional.of(new Features(summary, compare))
 *                                        () -> reindex())) {      // or null: /reindex then says "not available"
 *     bot.start();            // connects, waits for READY, registers commands; throws IllegalStateException
 *                             // with one line on a rejected token
 *     bot.awaitShutdownSignal();   // or your own wait; close() on Ctrl-C via a shutdown hook
 * }
 * }</pre>
 *
 * <p>Nothing runs until {@link #start()}. Commands: /ask, /summary, /compare, /cite, /source, /outlets, /reindex
 * (admin roles only), the message menu "Ask newsdesk about this", and "@bot question" (answered in a new thread;
 * replies in that thread are follow-ups with the conversation as history).
 *
 * <p>Gateway intents: GUILD_MESSAGES and the privileged MESSAGE_CONTENT, both only for mentions and thread
 * follow-ups (slash commands need neither); JDA always adds the guilds intent itself for its guild/channel cache. All optional
 * caches are off ({@link JDABuilder#createLight}). Allowed mentions are none on every message and, as JDA's
 * default, JVM-wide via {@link MessageRequest#setDefaultMentions}.
 *
 * <p>Thread-safety: {@code start()} and {@code close()} are meant to be called once each from one thread.
 */
public final class NewsdeskBot implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NewsdeskBot.class);
    static final EnumSet<GatewayIntent> INTENTS =
            EnumSet.of(GatewayIntent.GUILD_MESSAGES, GatewayIntent.MESSAGE_CONTENT);
    /** How long close() waits for answers in flight before giving up on them. */
    public static final Duration CLOSE_GRACE = Duration.ofSeconds(30);

    private final DiscordSettings settings;
    private final AccessPolicy access;
    private final WorkQueue work;
    private final Map<String, SlashCommand> slash;
    private final Map<String, SlashCommand> contextMenus;
    private final List<ComponentHandler> components;
    private final MentionHandler mentions;
    private final FollowDigests digests;
    private volatile JDA jda;
    private java.util.concurrent.ScheduledExecutorService digestTimer;
    /** The least time between two digests of one /follow subscription. */
    public static final Duration FOLLOW_INTERVAL = Duration.ofHours(1);

    /**
     * @param settings connection, access rules and limits
     * @param answerer answers /ask, the message menu and mentions
     * @param catalog article look-ups for /cite and the Source buttons, outlets for /outlets and autocomplete
     * @param retriever passage search for /source
     * @param features optional summary/compare services; empty (or null members) = "not available yet"
     * @param reindexer runs /reindex, or null when the bot cannot reindex
     */
    public NewsdeskBot(DiscordSettings settings, Answerer answerer, Catalog catalog, Retriever retriever,
                       Optional<Features> features, Reindexer reindexer) {
        this(settings, answerer, catalog, retriever, features, reindexer, dev.newsdesk.store.AnswerLog.none());
    }

    /**
     * @param log where questions, answers and feedback are stored (thread follow-ups after a restart, 👍/👎,
     *            reported citations, /insights, /forget-me); its failures never stop an answer
     */
    public NewsdeskBot(DiscordSettings settings, Answerer answerer, Catalog catalog, Retriever retriever,
                       Optional<Features> features, Reindexer reindexer, dev.newsdesk.store.AnswerLog log) {
        this(settings, answerer, catalog, retriever, features, reindexer, log, null);
    }

    /** @param readerBase web.base-url: answer sources also link to the web companion's reader; null for none */
    public NewsdeskBot(DiscordSettings settings, Answerer answerer, Catalog catalog, Retriever retriever,
                       Optional<Features> features, Reindexer reindexer, dev.newsdesk.store.AnswerLog log,
                       String readerBase) {
        this(settings, answerer, catalog, retriever, features, reindexer, log, readerBase, null);
    }

    /**
     * @param sourcesStatus the polled sources' status for the admins' /sources, or null when this bot polls none
     *                      (then /sources is not registered)
     */
    public NewsdeskBot(DiscordSettings settings, Answerer answerer, Catalog catalog, Retriever retriever,
                       Optional<Features> features, Reindexer reindexer, dev.newsdesk.store.AnswerLog log,
                       String readerBase, Supplier<String> sourcesStatus) {
        this.settings = Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(answerer, "answerer");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(retriever, "retriever");
        Features f = features == null ? Features.NONE : features.orElse(Features.NONE);
        Supplier<Instant> clock = Instant::now;
        this.access = new AccessPolicy(settings);
        this.work = new WorkQueue(settings.maxConcurrentAnswers(), settings.queueBound());
        Cooldown cooldown = new Cooldown(settings.cooldown(), clock);
        CachedCatalog outlets = new CachedCatalog(catalog, clock);
        RecentAnswers recent = new RecentAnswers(1000);
        AnswerMessages messages = new AnswerMessages(recent, catalog, readerBase);
        Interactions interactions = new Interactions(cooldown, work, messages, Objects.requireNonNull(log, "log"));
        // Registration: a new command, button or modal is one class and one entry in these lists.
        List<SlashCommand> commands = new java.util.ArrayList<>(List.of(
                new AskCommand(answerer, interactions, outlets),
                new SummaryCommand(f.summary(), interactions, outlets),
                new CompareCommand(f.compare(), interactions, outlets),
                new CiteCommand(recent, messages, interactions),
                new SourceCommand(retriever, catalog, interactions),
                new OutletsCommand(outlets, interactions),
                new ReindexCommand(access, reindexer, work, outlets),
                new ForgetMeCommand(interactions),
                new InsightsCommand(access, interactions),
                new FollowCommands.Subscribe(interactions, outlets),
                new FollowCommands.Unfollow(interactions),
                new FollowCommands.Following(interactions)));
        if (sourcesStatus != null) commands.add(new SourcesStatusCommand(access, sourcesStatus));
        this.slash = byName(commands);
        this.contextMenus = byName(List.of(new AskAboutMessageCommand(answerer, interactions)));
        this.components = List.of(new SourceButton(recent, messages, interactions), new FeedbackButtons(interactions),
                new ReportCitation(interactions));
        this.mentions = new MentionHandler(access, cooldown, work, messages, answerer, log);
        this.digests = new FollowDigests(retriever, log, this::postDigest, FOLLOW_INTERVAL, java.time.Clock.systemUTC());
    }

    private static Map<String, SlashCommand> byName(List<SlashCommand> commands) {
        return commands.stream().collect(Collectors.toUnmodifiableMap(SlashCommand::name, Function.identity()));
    }

    /** The commands registered with Discord, slash commands first. */
    public List<CommandData> commandData() {
        return java.util.stream.Stream.concat(
                        slash.values().stream().sorted(java.util.Comparator.comparing(SlashCommand::name)),
                        contextMenus.values().stream())
                .map(SlashCommand::data).toList();
    }

    /**
     * Connects to Discord, waits until READY, registers the commands (in the configured guilds, else globally)
     * and starts answering.
     *
     * @throws IllegalStateException (one line, no cause) when Discord rejects the token or cannot be reached
     * @throws InterruptedException when interrupted while waiting for READY
     */
    public void start() throws InterruptedException {
        if (jda != null) throw new IllegalStateException("the bot is already started");
        // Nobody is ever pinged by this bot; applies to every message request in this JVM that sets nothing else.
        MessageRequest.setDefaultMentions(EnumSet.noneOf(Message.MentionType.class));
        MessageRequest.setDefaultMentionRepliedUser(false);
        JDABuilder builder = JDABuilder.createLight(settings.token().get(), INTENTS)
                .setMemberCachePolicy(MemberCachePolicy.NONE)
                .setChunkingFilter(ChunkingFilter.NONE)
                .setEnableShutdownHook(false)
                .setAutoReconnect(true)
                .setRestConfig(new RestConfig().setBaseUrl(settings.restBaseUrl()))
                .addEventListeners(new Listener());
        if (settings.gatewayUrl() != null) {
            String gateway = settings.gatewayUrl();
            // A single JDA never asks /gateway/bot; it takes the session controller's URL.
            builder.setSessionController(new SessionControllerAdapter() {
                @Override
                public String getGateway() {
                    return gateway;
                }
            }).setCompression(Compression.NONE);
        }
        JDA built;
        try {
            built = builder.build();
        } catch (InvalidTokenException e) {
            throw new IllegalStateException("Discord rejected the bot token (401 Unauthorized); check DISCORD_TOKEN "
                    + "or DISCORD_TOKEN_FILE, or reset the token at https://discord.com/developers/applications", null);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot connect to Discord at " + settings.restBaseUrl() + ": " + e.getMessage(), null);
        }
        jda = built;
        built.awaitReady();
        registerCommands(built);
        digestTimer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("newsdesk-digests").daemon().factory());
        digestTimer.scheduleWithFixedDelay(() -> {
            try {
                digests.flushDue();
            } catch (RuntimeException e) {
                LOG.warn("posting the follow digests failed: {}", e.toString());
            }
        }, 1, 1, java.util.concurrent.TimeUnit.MINUTES);
        LOG.info(readyLine());
    }

    /**
     * New articles are in the index (the poller or a reindex says which): the channels that follow a topic they
     * match get a digest, at most one per {@link #FOLLOW_INTERVAL} per subscription. Blocks while it searches; call
     * it from the thread that indexed them.
     */
    public void newCoverage(java.util.Collection<String> articleIds) {
        if (jda == null) return;
        digests.newCoverage(articleIds);
    }

    private void postDigest(long channelId, net.dv8tion.jda.api.entities.MessageEmbed embed) {
        JDA j = jda;
        var channel = j == null ? null : j.getChannelById(net.dv8tion.jda.api.entities.channel.middleman.MessageChannel.class, channelId);
        if (channel == null) throw new IllegalStateException("channel " + channelId + " is not visible to the bot");
        channel.sendMessageEmbeds(embed).setAllowedMentions(Replies.NO_MENTIONS).complete();
    }

    /** "ready as NAME in N guilds", for the operator's console once {@link #start()} has returned. */
    public String readyLine() {
        JDA j = jda;
        if (j == null) throw new IllegalStateException("the bot has not been started");
        return "ready as " + j.getSelfUser().getName() + " in " + j.getGuilds().size() + " guilds";
    }

    private void registerCommands(JDA jda) {
        List<CommandData> data = commandData();
        if (settings.guildIds().isEmpty()) {
            jda.updateCommands().addCommands(data).complete();
            return;
        }
        for (long id : settings.guildIds()) {
            Guild guild = jda.getGuildById(id);
            if (guild == null) {
                LOG.warn("not registering commands in guild {}: the bot is not a member (invite it first)", id);
                continue;
            }
            guild.updateCommands().addCommands(data).complete();
        }
    }

    /** The running JDA, for tests and diagnostics; null before {@link #start()}. */
    public JDA jda() {
        return jda;
    }

    /** Blocks until JDA shuts down (e.g. after {@link #close()} from a shutdown hook). */
    public void awaitShutdownSignal() throws InterruptedException {
        JDA j = jda;
        if (j != null) j.awaitShutdown();
    }

    /**
     * Stops taking questions, waits up to {@link #CLOSE_GRACE} for answers in flight (their messages are sent),
     * then shuts JDA down. Idempotent.
     */
    @Override
    public void close() {
        close(CLOSE_GRACE);
    }

    /** {@link #close()} with a custom grace period for in-flight answers. */
    public void close(Duration grace) {
        if (digestTimer != null) digestTimer.shutdownNow();
        boolean finished = work.close(grace);
        if (!finished) LOG.warn("some answers were still running after {}; they were cancelled", grace);
        JDA j = jda;
        if (j == null) return;
        j.shutdown();
        try {
            if (!j.awaitShutdown(Duration.ofSeconds(10))) j.shutdownNow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            j.shutdownNow();
        }
    }

    /** Routes JDA events; runs on JDA's event thread, so every branch returns quickly. */
    private final class Listener extends ListenerAdapter {
        @Override
        public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
            dispatch(slash.get(event.getName()), event);
        }

        @Override
        public void onMessageContextInteraction(MessageContextInteractionEvent event) {
            dispatch(contextMenus.get(event.getName()), event);
        }

        private void dispatch(SlashCommand command, GenericCommandInteractionEvent event) {
            if (command == null) {
                Replies.ephemeral(event, "I don't know this command any more; it may have been removed.");
                return;
            }
            // One place for the allow-lists, so no command can forget them.
            String denied = command.usesAllowLists() ? access.denied(event.getMember(), event.getChannel()) : null;
            if (denied == null) denied = command.unavailable();
            if (denied != null) {
                Replies.ephemeral(event, denied);
                return;
            }
            try {
                command.handle(event);
            } catch (UserError e) {
                // What the user typed cannot be used: the message says what to change.
                if (!event.isAcknowledged()) Replies.ephemeral(event, e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("/{} failed: {}", event.getName(), Replies.logged(e));
                if (!event.isAcknowledged()) Replies.ephemeral(event, Replies.failure(e));
            }
        }

        @Override
        public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
            SlashCommand command = slash.get(event.getName());
            try {
                if (command != null) command.autocomplete(event);
                else event.replyChoices(List.of()).queue();
            } catch (RuntimeException e) {
                LOG.debug("autocomplete for /{} failed: {}", event.getName(), e.toString());
            }
        }

        @Override
        public void onButtonInteraction(ButtonInteractionEvent event) {
            route(event, event.getComponentId());
        }

        @Override
        public void onStringSelectInteraction(StringSelectInteractionEvent event) {
            route(event, event.getComponentId());
        }

        @Override
        public void onModalInteraction(ModalInteractionEvent event) {
            route(event, event.getModalId());
        }

        /** Hands a component or modal interaction to the handler owning its id's prefix; other ids are not ours. */
        private void route(IReplyCallback event, String id) {
            for (ComponentHandler h : components) {
                if (!id.startsWith(h.prefix())) continue;
                try {
                    h.handle(event, id.substring(h.prefix().length()));
                } catch (RuntimeException e) {
                    LOG.warn("component {} failed: {}", h.prefix(), e.toString());
                    if (!event.isAcknowledged()) Replies.ephemeral(event, Replies.failure(e));
                }
                return;
            }
        }

        @Override
        public void onMessageReceived(MessageReceivedEvent event) {
            try {
                mentions.onMessage(event);
            } catch (RuntimeException e) {
                LOG.warn("handling a message failed: {}", e.toString());
            }
        }
    }
}
