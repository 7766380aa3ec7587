package dev.newsdesk.discord;

import dev.newsdesk.answer.Answer;
import dev.newsdesk.answer.Answerer;
import dev.newsdesk.answer.Question;
import java.util.List;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Conversations: "@newsdesk question" in a text channel starts a thread from that message and answers there;
 * every later message in a thread the bot started is a follow-up, answered with the conversation so far
 * ({@link Question#history()}). The history lives in memory only (see {@link RecentAnswers}).
 */
final class MentionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(MentionHandler.class);
    static final String EMPTY = "Ask me a question after the mention, e.g. \"@newsdesk what happened to interest rates?\"";
    private final AccessPolicy access;
    private final Cooldown cooldown;
    private final WorkQueue work;
    private final AnswerMessages messages;
    private final Answerer answerer;
    private final dev.newsdesk.store.AnswerLog log;

    MentionHandler(AccessPolicy access, Cooldown cooldown, WorkQueue work, AnswerMessages messages, Answerer answerer,
                   dev.newsdesk.store.AnswerLog log) {
        this.log = log;
        this.access = access;
        this.cooldown = cooldown;
        this.work = work;
        this.messages = messages;
        this.answerer = answerer;
    }

    void onMessage(MessageReceivedEvent event) {
        if (!event.isFromGuild() || event.isWebhookMessage()) return;
        User author = event.getAuthor();
        if (author.isBot() || author.isSystem()) return;
        Message message = event.getMessage();
        User self = event.getJDA().getSelfUser();
        MessageChannel channel = event.getChannel();
        boolean followUp = channel.getType().isThread() && channel instanceof ThreadChannel t && t.getOwnerIdLong() == self.getIdLong();
        boolean mention = !followUp && message.getMentions().isMentioned(self, Message.MentionType.USER)
                && (channel.getType() == ChannelType.TEXT || channel.getType() == ChannelType.NEWS);
        if (!followUp && !mention) return;
        if (access.denied(event.getMember(), channel) != null) return; // silent: no noise in channels we don't serve
        String text = stripMention(message.getContentRaw(), self.getIdLong());
        if (text.isBlank()) {
            reply(message, mention ? EMPTY : null);
            return;
        }
        // validated here, before a slot is taken; the history is read on the worker (it may come from the store)
        try {
            new Question(text, null, List.of());
        } catch (IllegalArgumentException e) {
            reply(message, e.getMessage());
            return;
        }
        String wait = cooldown.check(author.getIdLong());
        if (wait != null) {
            reply(message, wait);
            return;
        }
        if (!work.tryReserveAnswer()) {
            reply(message, work.refusal());
            return;
        }
        work.runAnswer(() -> {
            MessageChannel target = channel;
            try {
                Question q = new Question(text, null, followUp ? history(channel.getIdLong()) : List.of());
                if (mention) {
                    target = message.createThreadChannel(AnswerFormatter.shorten(oneLine(q.text()), 100)).complete();
                }
                long started = System.nanoTime();
                Answer answer = answerer.answer(q);
                // Remember the turn before sending, so a quick reply to the answer already sees it.
                messages.recent().addTurn(target.getIdLong(), new Question.Turn(q.text(), answer.text()));
                String thread = target.getId();
                long id = log.record(dev.newsdesk.store.Recording.of(answer, q, (System.nanoTime() - started) / 1_000_000,
                        dev.newsdesk.store.QuestionRecord.Surface.DISCORD, author.getId(), event.getGuild().getId(),
                        thread, thread, messages.catalog())).orElse(0L);
                for (MessageCreateData m : messages.build(target.getIdLong(), q.text(), answer, id)) {
                    target.sendMessage(m).complete();
                }
            } catch (RuntimeException e) {
                LOG.warn("answering a message failed: {}", Replies.logged(e));
                try {
                    target.sendMessage(Replies.failure(e)).setAllowedMentions(Replies.NO_MENTIONS).complete();
                } catch (RuntimeException ignored) {
                    // nothing more we can do
                }
            }
        }, () -> reply(message, Replies.CLOSING));
    }

    /**
     * The conversation so far in a thread: from memory while the bot runs, else from the store (a thread the bot
     * answered before a restart), the last {@value RecentAnswers#MAX_TURNS} turns.
     */
    private List<Question.Turn> history(long threadId) {
        List<Question.Turn> turns = messages.recent().turns(threadId);
        if (!turns.isEmpty()) return turns;
        List<dev.newsdesk.store.QuestionRecord> stored = log.inThread(Long.toString(threadId));
        List<Question.Turn> out = stored.stream().skip(Math.max(0, stored.size() - RecentAnswers.MAX_TURNS))
                .map(r -> new Question.Turn(r.question(), r.answer())).toList();
        for (Question.Turn t : out) messages.recent().addTurn(threadId, t);
        return out;
    }

    private static void reply(Message message, String text) {
        if (text == null) return;
        message.reply(AnswerFormatter.shorten(AnswerFormatter.neutralise(text), AnswerFormatter.CONTENT_LIMIT))
                .setAllowedMentions(Replies.NO_MENTIONS).mentionRepliedUser(false).setSuppressEmbeds(true)
                .queue(null, e -> LOG.debug("reply failed: {}", e.toString()));
    }

    static String stripMention(String raw, long selfId) {
        return Pattern.compile("<@!?" + selfId + ">").matcher(raw == null ? "" : raw).replaceAll(" ").strip();
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
