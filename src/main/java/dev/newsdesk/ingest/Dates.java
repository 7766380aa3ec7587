package dev.newsdesk.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Lenient date recognition for metadata values and datelines. Stateless. */
final class Dates {
    private static final Pattern YMD = Pattern.compile("\\b(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?!\\d)");
    private static final Pattern MDY = Pattern.compile("\\b(\\d{1,2})/(\\d{1,2})/(\\d{4})\\b");
    private static final Pattern MONTH_D_Y = Pattern.compile(
            "\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern D_MONTH_Y = Pattern.compile(
            "\\b(\\d{1,2})\\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?,?\\s+(\\d{4})\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2),
            Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7),
            Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("sept", 9), Map.entry("oct", 10), Map.entry("nov", 11),
            Map.entry("dec", 12));
    /** A dateline is a short paragraph that holds a date and little else ("Wednesday, 04/17/2024"). */
    private static final int MAX_DATELINE_CHARS = 48;

    private Dates() {
    }

    /**
     * The first date in a metadata value: ISO date or date-time ("2023-11-27T08:45:59+00:00"), "2022/06/13/03:36",
     * "04/17/2024" (US order unless the first number is over 12), "April 17, 2024", "17 April 2024" or an
     * RFC 1123 date. Null when there is none or it is not a real calendar date.
     */
    static LocalDate parse(String value) {
        if (value == null || value.isBlank()) return null;
        Matcher m = YMD.matcher(value);
        if (m.find()) return date(m.group(1), m.group(2), m.group(3));
        m = MDY.matcher(value);
        if (m.find()) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(2));
            return a > 12 ? date(m.group(3), String.valueOf(b), String.valueOf(a)) : date(m.group(3), m.group(1), m.group(2));
        }
        m = MONTH_D_Y.matcher(value);
        if (m.find()) return date(m.group(3), String.valueOf(month(m.group(1))), m.group(2));
        m = D_MONTH_Y.matcher(value);
        if (m.find()) return date(m.group(3), String.valueOf(month(m.group(2))), m.group(1));
        return null;
    }

    /** The date of a stand-alone dateline paragraph, or null when the paragraph is not one. */
    static LocalDate fromDateline(String paragraph) {
        if (paragraph.length() > MAX_DATELINE_CHARS) return null;
        // most of the line must be the date: no more than three other words ("Published on Wednesday,")
        LocalDate d = parse(paragraph);
        if (d == null) return null;
        String rest = paragraph.replaceAll("[\\d/:.,-]+", " ").replaceAll("(?i)\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\b", " ");
        return rest.isBlank() || rest.strip().split("\\s+").length <= 3 ? d : null;
    }

    private static int month(String name) {
        String k = name.toLowerCase(Locale.ROOT);
        return MONTHS.getOrDefault(k.length() > 4 ? k.substring(0, 3) : k, 0);
    }

    private static LocalDate date(String y, String m, String d) {
        try {
            int year = Integer.parseInt(y);
            if (year < 1800 || year > 2200) return null;
            return LocalDate.of(year, Integer.parseInt(m), Integer.parseInt(d));
        } catch (DateTimeException | NumberFormatException e) {
            return null; // "2024-13-45" is not a date; the article is kept without one
        }
    }
}
