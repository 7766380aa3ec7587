package dev.newsdesk.discord;

import dev.newsdesk.answer.Answer;
import dev.newsdesk.answer.Answerer;
import dev.newsdesk.answer.Citation;
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
import java.util.stream.Collectors;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.GenericCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
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
    private final CommandContext ctx;
    private final Map<String, SlashCommand> slash;
    private final Map<String, SlashCommand> contextMenus;
    private final MentionHandler mentions;
    private volatile JDA jda;

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
        this.settings = Objects.requireNonNull(settings, "settings");
        this.ctx = new CommandContext(settings, Objects.requireNonNull(answerer, "answerer"),
                Objects.requireNonNull(catalog, "catalog"), Objects.requireNonNull(retriever, "retriever"),
                features == null ? Features.NONE : features.orElse(Features.NONE), reindexer, Instant::now);
        List<SlashCommand> commands = List.of(new AskCommand(ctx), new SummaryCommand(ctx), new CompareCommand(ctx),
                new CiteCommand(ctx), new SourceCommand(ctx), new OutletsCommand(ctx), new ReindexCommand(ctx));
        this.slash = commands.stream().collect(Collectors.toUnmodifiableMap(SlashCommand::name, Function.identity()));
        SlashCommand menu = new AskAboutMessageCommand(ctx);
        this.contextMenus = Map.of(menu.name(), menu);
        this.mentions = new MentionHandler(ctx);
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
        LOG.info(readyLine());
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
        boolean finished = ctx.close(grace);
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
                CommandContext.replyEphemeral(event, "I don't know this command any more; it may have been removed.");
                return;
            }
            // One place for the allow-lists, so no command can forget them.
            String denied = command.usesAllowLists() ? ctx.denied(event.getMember(), event.getChannel()) : null;
            if (denied != null) {
                CommandContext.replyEphemeral(event, denied);
                return;
            }
            try {
                command.handle(event);
            } catch (RuntimeException e) {
                LOG.warn("/{} failed: {}", event.getName(), e.toString());
                if (!event.isAcknowledged()) CommandContext.replyEphemeral(event, CommandContext.FAILED);
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
            String id = event.getComponentId();
            if (!id.startsWith(CommandContext.BUTTON_PREFIX)) return;
            String[] parts = id.substring(CommandContext.BUTTON_PREFIX.length()).split(":");
            Optional<Answer> answer = parts.length == 2 ? ctx.recent.byKey(parts[0]) : Optional.empty();
            int n = parts.length == 2 && parts[1].matches("\\d{1,3}") ? Integer.parseInt(parts[1]) : -1;
            Optional<Citation> c = answer.flatMap(a -> a.citations().stream().filter(x -> x.n() == n).findFirst());
            if (c.isEmpty()) {
                CommandContext.replyEphemeral(event, "This answer is no longer in my memory; ask again to see its sources.");
                return;
            }
            ctx.quickEphemeral(event, () -> ctx.citationEmbed(c.get()));
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
