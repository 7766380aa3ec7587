package dev.newsdesk.discord;

/**
 * Optional capabilities beyond /ask. A null member means the command exists but replies politely that it
 * is not available yet.
 */
public record Features(SummaryService summary, CompareService compare) {
    public static final Features NONE = new Features(null, null);
}
