package dev.newsdesk.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts a sentence states, as (value, unit) pairs: "launched 350 drones" gives (350, "drone"), "99 percent of"
 * gives (99, "percent"), "three people who attended" gives (3, "people"). The unit is the first word after the
 * number (skipping one adjective-like word such as "more" or "ballistic" when a noun follows it), lower-cased with a
 * plural "s" removed, so "350 drones" and "300 drones" compare. Dates ("April 1", "1 April"), years and clock times
 * are not claims. Stateless and thread-safe.
 */
final class NumberClaims {
    record Claim(String value, String unit, String phrase) {}

    private static final Pattern CLAIM = Pattern.compile(
            "(?<![\\w.,$€£])(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
                    + "|twenty|thirty|forty|fifty|hundred|dozen)(?:\\s+(million|billion|thousand|hundred))?"
                    + "(?:\\s*(%)|\\s+([A-Za-z][a-z-]+)(?:\\s+([a-z][a-z-]+))?)", Pattern.CASE_INSENSITIVE);
    private static final Set<String> MONTHS = Set.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
            "sep", "sept", "oct", "nov", "dec");
    /** Words after a number that are not what it counts. */
    private static final Set<String> NOT_UNITS = Set.of("of", "and", "or", "to", "in", "on", "at", "a", "an", "the",
            "for", "by", "with", "from", "was", "were", "is", "are", "am", "pm", "a.m", "p.m", "that", "which", "who",
            "as", "than", "into", "times", "per", "have", "has", "had", "will", "would");
    /** Words that qualify a noun ("350 more drones", "120 ballistic missiles"): the unit is the word after. */
    private static final Set<String> QUALIFIERS = Set.of("more", "additional", "other", "new", "ballistic", "cruise",
            "armed", "attack", "suicide", "israeli", "iranian", "american", "palestinian", "russian", "ukrainian",
            "civilian", "military", "senior", "foreign", "total", "small", "large", "major", "key", "explosive");
    private static final Map<String, String> WORDS = Map.ofEntries(Map.entry("three", "3"), Map.entry("four", "4"),
            Map.entry("five", "5"), Map.entry("six", "6"), Map.entry("seven", "7"), Map.entry("eight", "8"),
            Map.entry("nine", "9"), Map.entry("ten", "10"), Map.entry("eleven", "11"), Map.entry("twelve", "12"),
            Map.entry("twenty", "20"), Map.entry("thirty", "30"), Map.entry("forty", "40"), Map.entry("fifty", "50"),
            Map.entry("hundred", "100"), Map.entry("dozen", "12"));

    private NumberClaims() {}

    static List<Claim> of(String sentence) {
        List<Claim> claims = new ArrayList<>();
        Matcher m = CLAIM.matcher(sentence);
        while (m.find()) {
            if (precededByMonth(sentence, m.start())) continue;
            String number = m.group(1).toLowerCase(Locale.ROOT).replace(",", "");
            String value = WORDS.getOrDefault(number, number);
            if (m.group(2) != null) value = value + " " + m.group(2).toLowerCase(Locale.ROOT);
            String unit;
            int end;
            if (m.group(3) != null) {
                unit = "percent";
                end = m.end(3);
            } else {
                String first = m.group(4).toLowerCase(Locale.ROOT);
                String second = m.group(5) == null ? null : m.group(5).toLowerCase(Locale.ROOT);
                if (MONTHS.contains(first) || NOT_UNITS.contains(first)) continue;
                if (value.length() == 4 && value.matches("(19|20)\\d\\d")) continue; // a year
                boolean qualified = QUALIFIERS.contains(first) && second != null && !NOT_UNITS.contains(second);
                unit = qualified ? second : first;
                end = qualified ? m.end(5) : m.end(4);
            }
            claims.add(new Claim(value, singular(unit), sentence.substring(m.start(), end)));
        }
        return claims;
    }

    private static boolean precededByMonth(String s, int at) {
        int end = at;
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '.')) end--;
        int start = end;
        while (start > 0 && Character.isLetter(s.charAt(start - 1))) start--;
        return MONTHS.contains(s.substring(start, end).toLowerCase(Locale.ROOT));
    }

    static String singular(String unit) {
        if (unit.equals("percent") || unit.equals("%")) return "percent";
        if (unit.equals("people")) return "person";
        if (unit.endsWith("ies") && unit.length() > 4) return unit.substring(0, unit.length() - 3) + "y";
        if (unit.endsWith("s") && !unit.endsWith("ss") && unit.length() > 3) return unit.substring(0, unit.length() - 1);
        return unit;
    }
}
