package dev.newsdesk.answer;

import dev.langchain4j.model.chat.response.ChatResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Condenser} that asks the chat model with {@code prompts/condense.txt}; on any model trouble, or a reply that
 * is not one usable line, it joins the last question and the new one (still better than the follow-up alone).
 */
public record ChatCondenser(ModelCaller caller, PromptLibrary prompts, Clock clock) implements Condenser {
    private static final Logger log = LoggerFactory.getLogger(ChatCondenser.class);
    private static final Pattern MARKERS = Pattern.compile("\\[[\\d,;\\s]*]");


    @Override
    public String standalone(Question question) {
        if (question.history().isEmpty()) return question.text();
        Question.Turn last = question.history().getLast();
        String joined = (last.question() == null ? "" : last.question().strip() + " ") + question.text();
        StringBuilder history = new StringBuilder();
        for (Question.Turn turn : question.history()) {
            history.append("User: ").append(nullToEmpty(turn.question()).strip()).append('\n');
            history.append("Answer: ").append(MARKERS.matcher(nullToEmpty(turn.answer())).replaceAll("").strip()).append('\n');
        }
        try {
            PromptLibrary.Rendered prompt = prompts.render(PromptLibrary.Name.CONDENSE, Map.of(
                    "question", question.text(), "history", history.toString().strip(),
                    "today", LocalDate.now(clock).toString()));
            ChatResponse response = caller.call(prompt);
            String text = response.aiMessage() == null ? null : response.aiMessage().text();
            if (text == null || text.isBlank()) return joined;
            String line = text.strip().lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
            line = line.replaceAll("^(?i)standalone question:\\s*", "").replaceAll("^[\"“']+|[\"”']+$", "").strip();
            if (line.isEmpty() || line.length() > Question.MAX_CHARS) return joined;
            return line;
        } catch (ModelFailure failure) {
            log.warn("chat model {} could not condense a follow-up ({}); using the questions joined", caller.providerName(),
                    failure.failure().describe());
            return joined;
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
