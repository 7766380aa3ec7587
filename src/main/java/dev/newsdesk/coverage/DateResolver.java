package dev.newsdesk.coverage;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the date an event happened from a sentence, relative to the article's publication date, the way a
 * reader would: "on Tuesday" in an article published on Wednesday 2024-04-17 is 2024-04-16; "on April 1" is that
 * day in the publication year (or the year before when that would be after publication); "yesterday" is the day
 * before; "last week" and "over the weekend" are approximate. The first date expression in the sentence wins.
 * Stateless and thread-safe.
 */
public final class DateResolver {
    /** A resolved date and the words it came from. */
    public record Resolved(LocalDate date, String expression, boolean approximate) {}

    private static final Map<String, Month> MONTHS = Map.ofEntries(
            Map.entry("january", Month.JANUARY), Map.entry("jan", Month.JANUARY),
            Map.entry("february", Month.FEBRUARY), Map.entry("feb", Month.FEBRUARY),
            Map.entry("march", Month.MARCH), Map.entry("mar", Month.MARCH),
            Map.entry("april", Month.APRIL), Map.entry("apr", Month.APRIL),
            Map.entry("may", Month.MAY), Map.entry("june", Month.JUNE), Map.entry("jun", Month.JUNE),
            Map.entry("july", Month.JULY), Map.entry("jul", Month.JULY),
            Map.entry("august", Month.AUGUST), Map.entry("aug", Month.AUGUST),
            Map.entry("september", Month.SEPTEMBER), Map.entry("sept", Month.SEPTEMBER), Map.entry("sep", Month.SEPTEMBER),
            Map.entry("october", Month.OCTOBER), Map.entry("oct", Month.OCTOBER),
            Map.entry("november", Month.NOVEMBER), Map.entry("nov", Month.NOVEMBER),
            Map.entry("december", Month.DECEMBER), Map.entry("dec", Month.DECEMBER));

    private static final String MONTH = "(January|February|March|April|May|June|July|August|September|October|November"
            + "|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)";
    private static final String WEEKDAY = "(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";

    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    /** "April 1", "Feb. 7, 2024", "April 1st". "May" alone is a verb too often, so it needs a day. */
    private static final Pattern MONTH_DAY = Pattern.compile("\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?");
    /** "1 April", "7 Feb 2024". */
    private static final Pattern DAY_MONTH = Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+" + MONTH + "\\b(?:,?\\s+(\\d{4})\\b)?");
    private static final Pattern WEEKDAY_REF = Pattern.compile("\\b(?:((?i:last|next|this|on|overnight|late|early))\\s+)?"
            + WEEKDAY + "(?:\\s+(?:night|morning|afternoon|evening))?\\b");
    private static final Pattern RELATIVE = Pattern.compile("(?i)\\b(yesterday|today|tonight|this morning|last night"
            + "|last week|last month|last year|over the weekend|this weekend|last weekend|earlier this week|(\\d{1,2}|two|three|four|five|six|seven|ten) days ago)\\b");
    private static final Map<String, Integer> SMALL = Map.of("two", 2, "three", 3, "four", 4, "five", 5, "six", 6,
            "seven", 7, "ten", 10);

    /** The event date the sentence states, if any; empty when it states none or {@code published} is null. */
    public Optional<Resolved> resolve(String sentence, LocalDate published) {
        if (sentence == null || published == null) return Optional.empty();
        Resolved best = null;
        int bestAt = Integer.MAX_VALUE;
        Matcher m = ISO.matcher(sentence);
        if (m.find() && m.start() < bestAt) {
            try {
                best = new Resolved(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))), m.group(), false);
                bestAt = m.start();
            } catch (java.time.DateTimeException ignored) {
                // not a date
            }
        }
        m = MONTH_DAY.matcher(sentence);
        while (m.find() && m.start() < bestAt) {
            Resolved r = monthDay(m.group(1), m.group(2), m.group(3), m.group(), published);
            if (r != null) {
                best = r;
                bestAt = m.start();
                break;
            }
        }
        m = DAY_MONTH.matcher(sentence);
        while (m.find() && m.start() < bestAt) {
            Resolved r = monthDay(m.group(2), m.group(1), m.group(3), m.group(), published);
            if (r != null) {
                best = r;
                bestAt = m.start();
                break;
            }
        }
        m = WEEKDAY_REF.matcher(sentence);
        if (m.find() && m.start() < bestAt) {
            DayOfWeek day = DayOfWeek.valueOf(m.group(2).toUpperCase(Locale.ROOT));
            String modifier = m.group(1) == null ? "" : m.group(1).toLowerCase(Locale.ROOT);
            LocalDate d = modifier.equals("next") ? published.with(TemporalAdjusters.next(day))
                    : modifier.equals("last") ? published.with(TemporalAdjusters.previous(day))
                    : published.with(TemporalAdjusters.previousOrSame(day));
            best = new Resolved(d, m.group().strip(), false);
            bestAt = m.start();
        }
        m = RELATIVE.matcher(sentence);
        if (m.find() && m.start() < bestAt) {
            best = relative(m.group(1).toLowerCase(Locale.ROOT), m.group(2), published, m.group());
        }
        return Optional.ofNullable(best);
    }

    private static Resolved monthDay(String monthWord, String dayText, String yearText, String expression, LocalDate published) {
        Month month = MONTHS.get(monthWord.replace(".", "").toLowerCase(Locale.ROOT));
        if (month == null) return null;
        int day = Integer.parseInt(dayText);
        if (day < 1 || day > month.maxLength()) return null;
        try {
            if (yearText != null) return new Resolved(LocalDate.of(Integer.parseInt(yearText), month, day), expression, false);
            LocalDate d = LocalDate.of(published.getYear(), month, Math.min(day, month.length(published.isLeapYear())));
            if (d.isAfter(published)) d = d.minusYears(1);
            return new Resolved(d, expression, false);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static Resolved relative(String word, String daysAgo, LocalDate published, String expression) {
        if (daysAgo != null) {
            int n = SMALL.containsKey(daysAgo) ? SMALL.get(daysAgo) : Integer.parseInt(daysAgo);
            return new Resolved(published.minusDays(n), expression, false);
        }
        return switch (word) {
            case "yesterday" -> new Resolved(published.minusDays(1), expression, false);
            case "today", "tonight", "this morning" -> new Resolved(published, expression, false);
            case "last night" -> new Resolved(published.minusDays(1), expression, false);
            case "last week" -> new Resolved(published.minusWeeks(1), expression, true);
            case "earlier this week" -> new Resolved(published.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), expression, true);
            case "last month" -> new Resolved(published.minusMonths(1), expression, true);
            case "last year" -> new Resolved(published.minusYears(1), expression, true);
            // The weekend just before publication (its Saturday), or the one that contains it.
            default -> new Resolved(published.with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY)), expression, true);
        };
    }
}
