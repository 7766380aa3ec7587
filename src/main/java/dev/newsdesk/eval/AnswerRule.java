package dev.newsdesk.eval;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MultiHop-RAG's answer rule, ported from the benchmark's {@code qa_evaluate.py}: the answer is taken from
 * {@code The answer to the question is "X"} when the reply says so, else the whole reply; it is correct when,
 * lower-cased and split on whitespace, it shares at least one word with the lower-cased gold answer. For one
 * answer per question the script's precision, recall, F1 and accuracy are all this per-question success rate.
 * The rule is lenient by design (any shared word counts), which is why the benchmark's prompt asks for a bare word
 * or entity.
 */
public final class AnswerRule {
    private static final Pattern STATED = Pattern.compile("The answer to the question is \"(.*?)\"");

    private AnswerRule() {}

    /** {@code extract_answer}: the quoted answer of "The answer to the question is "X"", else the text itself. */
    public static String extract(String reply) {
        String text = reply == null ? "" : reply;
        Matcher m = STATED.matcher(text);
        return m.find() ? m.group(1) : text;
    }

    /** {@code has_intersection(prediction.lower(), gold.lower())} applied to {@link #extract}'s answer. */
    public static boolean correct(String reply, String gold) {
        Set<String> predicted = words(extract(reply));
        for (String g : words(gold == null ? "" : gold)) {
            if (predicted.contains(g)) return true;
        }
        return false;
    }

    /** Python's {@code str.lower().split()}: runs of non-whitespace. */
    private static Set<String> words(String text) {
        String lower = text.toLowerCase(Locale.ROOT).strip();
        if (lower.isEmpty()) return Set.of();
        return new HashSet<>(Arrays.asList(lower.split("\\s+")));
    }
}
