package dev.newsdesk.discord;

import dev.newsdesk.answer.Answer;
import java.util.function.Supplier;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The flows an interaction goes through once its command has checked what it needs: take the cooldown and a
 * queue slot (else an ephemeral explanation), acknowledge, do the work on a worker, edit the result in.
 * Runs on JDA's event thread up to the hand-over, so nothing here blocks before it.
 */
record Interactions(Cooldown cooldown, WorkQueue work, AnswerMessages messages, dev.newsdesk.store.AnswerLog log) {
    private static final Logger LOG = LoggerFactory.getLogger(Interactions.class);

    /**
     * The common flow for anything that produces an {@link Answer}: access was checked by the caller; here the
     * cooldown and a queue slot are taken, the interaction is deferred, and the answer is computed on the answer
     * executor and edited into the original response.
     */
    void answer(IReplyCallback event, String title, Supplier<Answer> task) {
        answer(event, title, task, null);
    }

    /**
     * A question's flow: as {@link #answer(IReplyCallback, String, Supplier)}, and the question and answer are stored
     * (when the store works), so the answer carries the feedback buttons.
     */
    void ask(IReplyCallback event, dev.newsdesk.answer.Question question, Supplier<Answer> task) {
        answer(event, question.text(), task, question);
    }

    private void answer(IReplyCallback event, String title, Supplier<Answer> task, dev.newsdesk.answer.Question recordAs) {
        String wait = cooldown.check(event.getUser().getIdLong());
        if (wait != null) {
            Replies.ephemeral(event, wait);
            return;
        }
        if (!work.tryReserveAnswer()) {
            Replies.ephemeral(event, work.refusal());
            return;
        }
        event.deferReply().queue(null, e -> LOG.debug("defer failed: {}", e.toString()));
        InteractionHook hook = event.getHook();
        long channelId = event.getChannelIdLong();
        String userId = event.getUser().getId();
        String guildId = event.getGuild() == null ? null : event.getGuild().getId();
        boolean inThread = event.getChannelType() != null && event.getChannelType().isThread();
        work.runAnswer(() -> {
            Answer answer;
            long id = 0;
            try {
                long started = System.nanoTime();
                answer = task.get();
                if (recordAs != null) {
                    String channel = Long.toString(channelId);
                    id = log.record(dev.newsdesk.store.Recording.of(answer, recordAs, (System.nanoTime() - started) / 1_000_000,
                            dev.newsdesk.store.QuestionRecord.Surface.DISCORD, userId, guildId, channel,
                            inThread ? channel : null, messages.catalog())).orElse(0L);
                }
            } catch (RuntimeException e) {
                LOG.warn("answering failed: {}", Replies.logged(e));
                Replies.failEphemeral(hook, Replies.failure(e));
                return;
            }
            try {
                messages.send(hook, channelId, title, answer, id);
            } catch (RuntimeException e) {
                LOG.warn("could not send an answer: {}", e.toString());
            }
        }, () -> Replies.failEphemeral(hook, Replies.CLOSING));
    }

    /** Defers ephemerally and runs a quick task whose embed becomes the (ephemeral) response. */
    void quickEphemeral(IReplyCallback event, Supplier<MessageEmbed> task) {
        quick(event, task, true);
    }

    /** Defers publicly and runs a quick task whose embed becomes the response. */
    void quickPublic(IReplyCallback event, Supplier<MessageEmbed> task) {
        quick(event, task, false);
    }

    private void quick(IReplyCallback event, Supplier<MessageEmbed> task, boolean ephemeral) {
        if (!work.accepting()) {
            Replies.ephemeral(event, Replies.CLOSING);
            return;
        }
        event.deferReply(ephemeral).queue(null, e -> LOG.debug("defer failed: {}", e.toString()));
        InteractionHook hook = event.getHook();
        if (!work.runQuick(() -> Replies.editTo(hook, task, ephemeral))) Replies.fail(hook, Replies.BUSY, ephemeral);
    }
}
