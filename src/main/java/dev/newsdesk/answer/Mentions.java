package dev.newsdesk.answer;

import java.util.regex.Pattern;

/**
 * Defuses mass mentions in text that reaches a chat platform: "@everyone" and "@here" get a zero-width
 * space (U+200B) after the "@", so they render the same but notify nobody. Stateless.
 */
public final class Mentions {
    private static final Pattern MASS_MENTION = Pattern.compile("@(?=(?i:everyone|here)\\b)");

    private Mentions() {}

    public static String neutralise(String text) {
        if (text == null || text.indexOf('@') < 0) return text;
        return MASS_MENTION.matcher(text).replaceAll("@\u200B");
    }
}
