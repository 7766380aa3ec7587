package dev.newsdesk.answer;

import java.util.regex.Pattern;

/**
 * Defuses mentions in text that reaches a chat platform: "@everyone" and "@here", and Discord's user and role
 * mention syntax ({@code <@123>}, {@code <@!123>}, {@code <@&123>}), get a zero-width space (U+200B) after the "@",
 * so they read the same but are no longer mentions and notify nobody. This is defence in depth: every Discord message
 * also sets allowed mentions to none. Channel links ({@code <#123>}) notify nobody and are left alone. Stateless.
 */
public final class Mentions {
    /** A mass mention or a user/role mention that has not been neutralised. */
    public static final Pattern MENTION = Pattern.compile("@(?=(?i:everyone|here)\\b)|(?<=<)@(?=[!&]?\\d+>)");

    private Mentions() {}

    public static String neutralise(String text) {
        if (text == null || text.indexOf('@') < 0) return text;
        return MENTION.matcher(text).replaceAll("@\u200B");
    }

    /** True when {@code text} still holds a mention that would notify someone if mentions were allowed. */
    public static boolean containsLiveMention(String text) {
        return text != null && MENTION.matcher(text).find();
    }
}
