package dev.newsdesk.answer;

import dev.langchain4j.model.output.FinishReason;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Sorts a model's reply before its citations are checked: an answer, the prompt's abstention sentence, or nothing
 * usable (empty, refused, filtered). One stage of {@link ChatAnswerer}, as LangChain4j's retrieval augmentor joins
 * small stages; replaceable for a prompt with another abstention convention.
 */
@FunctionalInterface
public interface ReplyClassifier {
    enum Verdict { ANSWER, ABSTENTION, EMPTY, REFUSED }

    Verdict classify(String reply, FinishReason finish);

    /** The rules for {@code prompts/answer.txt}: its abstention sentence, and the usual refusal openings. */
    ReplyClassifier DEFAULT = new ReplyClassifier() {
        private static final Pattern MARKERS = Pattern.compile("\\[[\\d,;\\s]*]");
        private static final Pattern REFUSAL = Pattern.compile(
                "^(?:i'?m sorry|i am sorry|sorry,|i can(?:no|')t|i cannot|i won'?t|i'?m (?:not able|unable)|i am (?:not able|unable)|as an ai)\\b.*",
                Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

        @Override
        public Verdict classify(String reply, FinishReason finish) {
            if (finish == FinishReason.CONTENT_FILTER) return Verdict.REFUSED;
            if (reply == null || reply.isBlank()) return Verdict.EMPTY;
            String text = reply.strip().replace('’', '\'');
            // A reply that cites sources is an answer even when it opens apologetically.
            if (REFUSAL.matcher(text).matches() && !MARKERS.matcher(text).find()) return Verdict.REFUSED;
            String normal = MARKERS.matcher(reply).replaceAll("").replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
            if (normal.contains(ChatAnswerer.ABSTENTION.toLowerCase(Locale.ROOT).replace(".", ""))) return Verdict.ABSTENTION;
            return Verdict.ANSWER;
        }
    };
}
