package dev.newsdesk.answer;

import dev.newsdesk.retrieve.Hit;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Renders retrieved passages as numbered, fenced data blocks for a prompt:
 * {@code <source n=1 outlet="..." title="..." date="2024-04-16"> text </source>}. Text that could close or
 * open a fence early ("</source>", "<source") is defused so a passage cannot escape its block. Stateless.
 */
public final class SourceBlocks {
    private static final Pattern FENCE_TAG = Pattern.compile("<\\s*(/?)\\s*(source)", Pattern.CASE_INSENSITIVE);

    private SourceBlocks() {}

    /** Blocks numbered 1..n in the order of {@code hits}, separated by blank lines. */
    public static String render(List<Hit> hits) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < hits.size(); i++) {
            Hit hit = hits.get(i);
            if (i > 0) out.append("\n\n");
            out.append("<source n=").append(i + 1)
                    .append(" outlet=\"").append(attribute(hit.outlet())).append('"')
                    .append(" title=\"").append(attribute(hit.title())).append('"')
                    .append(" date=\"").append(hit.published() == null ? "unknown" : hit.published()).append('"')
                    .append(">\n")
                    .append(defuse(hit.text() == null ? "" : hit.text().strip()))
                    .append("\n</source>");
        }
        return out.toString();
    }

    /** Replaces the "<" of any source tag with a look-alike so it no longer reads as a fence. */
    public static String defuse(String text) {
        return FENCE_TAG.matcher(text).replaceAll("‹$1$2");
    }

    private static String attribute(String value) {
        if (value == null || value.isBlank()) return "unknown";
        return defuse(value.replaceAll("[\\r\\n\\t]+", " ").replace('"', '\'').strip());
    }
}
