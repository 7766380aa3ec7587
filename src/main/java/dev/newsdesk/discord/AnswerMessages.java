package dev.newsdesk.discord;

import dev.newsdesk.answer.Answer;
import dev.newsdesk.answer.Citation;
import dev.newsdesk.retrieve.Catalog;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * Turns an {@link Answer} into Discord messages and remembers it in {@link RecentAnswers} (for /cite, the Source
 * buttons and thread follow-ups): one embed when it fits, else plain messages with link previews suppressed;
 * "Source n" buttons under the last one; allowed mentions none on every message.
 */
record AnswerMessages(RecentAnswers recent, Catalog catalog, String readerBase) {
    /** @param readerBase web.base-url without trailing slash: sources also link to the web reader; null for none */
    AnswerMessages {
        readerBase = dev.newsdesk.answer.ReaderLink.base(readerBase);
    }

    AnswerMessages(RecentAnswers recent, Catalog catalog) {
        this(recent, catalog, null);
    }

    /** Sends an answer as the interaction's original response (plus follow-ups when it needs several messages). */
    void send(InteractionHook hook, long channelId, String title, Answer answer, long storedId) {
        List<MessageCreateData> msgs = build(channelId, title, answer, storedId);
        MessageCreateData first = msgs.get(0);
        // fromCreateData drops the flags, so suppressing link previews is set again explicitly.
        MessageEditData edit = MessageEditBuilder.fromCreateData(first).setSuppressEmbeds(first.isSuppressEmbeds())
                .setAllowedMentions(Replies.NO_MENTIONS).build();
        hook.editOriginal(edit).complete();
        for (MessageCreateData m : msgs.subList(1, msgs.size())) hook.sendMessage(m).complete();
    }

    /** The messages for an answer given in {@code channelId}; the answer is remembered there. */
    List<MessageCreateData> build(long channelId, String title, Answer answer) {
        return build(channelId, title, answer, 0);
    }

    /**
     * @param storedId the answer's id in the store, or 0 when it was not stored: then there is nothing to vote on
     *                 and the 👍/👎/report row is left out
     */
    List<MessageCreateData> build(long channelId, String title, Answer answer, long storedId) {
        String key = recent.remember(channelId, answer);
        List<ActionRow> rows = new ArrayList<>(SourceButton.rows(key, answer.citations(),
                storedId > 0 ? FeedbackButtons.MAX_SOURCE_BUTTONS : AnswerFormatter.MAX_SOURCE_BUTTONS));
        if (storedId > 0) rows.add(FeedbackButtons.row(storedId, !answer.citations().isEmpty()));
        String description = AnswerFormatter.embedDescription(answer, readerBase);
        List<MessageCreateData> out = new ArrayList<>();
        if (description != null) {
            EmbedBuilder eb = new EmbedBuilder().setColor(Replies.EMBED_COLOR).setDescription(description);
            if (title != null && !title.isBlank()) {
                eb.setTitle(AnswerFormatter.shorten(AnswerFormatter.neutralise(title.strip()), AnswerFormatter.EMBED_TITLE_LIMIT));
            }
            if (answer.answerer() != null) eb.setFooter(AnswerFormatter.shorten("newsdesk · " + answer.answerer(), 200));
            out.add(new MessageCreateBuilder().setEmbeds(eb.build()).setComponents(rows).setAllowedMentions(Replies.NO_MENTIONS).build());
        } else {
            List<String> parts = AnswerFormatter.messages(answer, readerBase);
            for (int i = 0; i < parts.size(); i++) {
                MessageCreateBuilder b = new MessageCreateBuilder().setContent(parts.get(i)).setSuppressEmbeds(true)
                        .setAllowedMentions(Replies.NO_MENTIONS);
                if (i == parts.size() - 1) b.setComponents(rows);
                out.add(b.build());
            }
        }
        return out;
    }

    /** One citation in context: the quoted span inside its article's text, headline, outlet, date and link. */
    MessageEmbed citation(Citation c) {
        String detail = AnswerFormatter.citationDetail(c, catalog.article(c.articleId()).orElse(null));
        return new EmbedBuilder().setColor(Replies.EMBED_COLOR).setDescription(detail).build();
    }
}
