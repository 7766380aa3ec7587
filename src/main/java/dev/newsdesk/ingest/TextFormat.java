package dev.newsdesk.ingest;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown and plain text: optional YAML-style front matter ({@code ---} lines around {@code key: value} pairs),
 * then the body. Without front matter, a date the text states (a leading "date 2024-04-16" token or a dateline
 * paragraph near the top) becomes the published date. Stateless.
 */
final class TextFormat implements DocumentFormat {
    private static final Pattern LEADING_DATE_TOKEN = Pattern.compile("\\A\\s*date\\s+(\\d{4}-\\d{2}-\\d{2})\\b");
    private static final int DATELINE_SCAN = 6;
    private static final Extensions EXTENSIONS = Extensions.of(".md, .txt", "md", "markdown", "txt");

    private final Cleaner cleaner;

    /** @param cleaner finds the paragraphs a dateline is looked for in */
    TextFormat(Cleaner cleaner) {
        this.cleaner = cleaner;
    }

    @Override
    public Extensions extensions() {
        return EXTENSIONS;
    }

    @Override
    public RawRecord parse(byte[] bytes) throws BadInputException {
        String text = InputChecks.decode(bytes);
        if (text.isBlank()) throw new BadInputException("empty file (only whitespace); remove it or add article text");
        return parse(text, cleaner);
    }

    private static RawRecord parse(String text, Cleaner cleaner) throws BadInputException {
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        Map<String, String> meta = new HashMap<>();
        String body = text;
        String normalized = text.replace("\r\n", "\n");
        if (normalized.startsWith("---\n")) {
            int close = normalized.indexOf("\n---", 3);
            if (close < 0) {
                throw new BadInputException("front matter starts with '---' on line 1 but is never closed; "
                        + "add a '---' line after the last key");
            }
            int lineNo = 1;
            for (String line : normalized.substring(4, close).split("\n")) {
                lineNo++;
                if (line.isBlank() || line.stripLeading().startsWith("#")) continue;
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    throw new BadInputException("front matter line " + lineNo + " is not 'key: value': '"
                            + abbreviate(line) + "'; fix or remove the line");
                }
                meta.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), unquote(line.substring(colon + 1).strip()));
            }
            int bodyStart = normalized.indexOf('\n', close + 1);
            body = bodyStart < 0 ? "" : normalized.substring(bodyStart + 1);
        }
        LocalDate textDate = meta.isEmpty() ? dateFromText(body, cleaner) : null;
        return new RawRecord(meta.get("id"), meta.get("title"), first(meta, "outlet", "source", "publisher"),
                first(meta, "published", "date", "published_at"), first(meta, "url", "link"), meta.get("author"),
                first(meta, "category", "section"), body, textDate);
    }

    private static LocalDate dateFromText(String body, Cleaner cleaner) {
        Matcher m = LEADING_DATE_TOKEN.matcher(body);
        if (m.find()) {
            LocalDate d = Dates.parse(m.group(1));
            if (d != null) return d;
        }
        int seen = 0;
        for (String p : cleaner.paragraphs(body)) {
            LocalDate d = Dates.fromDateline(p);
            if (d != null) return d;
            if (++seen >= DATELINE_SCAN) break;
        }
        return null;
    }

    private static String first(Map<String, String> meta, String... keys) {
        for (String k : keys) {
            String v = meta.get(k);
            if (v != null && !v.isBlank()) return v;
        }
        return null;
    }

    /** YAML scalars as written by people: "double", 'single' (with '' for a quote), or bare. */
    private static String unquote(String v) {
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            return v.substring(1, v.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        if (v.length() >= 2 && v.startsWith("'") && v.endsWith("'")) {
            return v.substring(1, v.length() - 1).replace("''", "'");
        }
        return v.equals("~") || v.equalsIgnoreCase("null") ? null : v;
    }

    static String abbreviate(String s) {
        String t = s.strip();
        return t.length() <= 60 ? t : t.substring(0, 57) + "...";
    }
}
