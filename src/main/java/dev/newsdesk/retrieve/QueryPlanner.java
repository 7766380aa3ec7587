package dev.newsdesk.retrieve;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a question the way a news reader writes it: outlets it names ("according to JNS", "did The Verge and
 * TechCrunch both ..."), dates it names ("published on October 5, 2023", "in April 2024", "last week"), and the parts
 * of a question that asks two or three things at once. The plan lets a retriever fetch evidence for each part, from
 * the outlet and period that part is about, instead of hoping one bag of words finds all of it.
 *
 * <p>Pure and thread-safe; backend-independent (no Lucene).
 */
public final class QueryPlanner {
    /** One retrieval the plan asks for: text plus the filters that apply to it. */
    public record SubQuery(String text, Filters filters, double weight) {}

    /** @param parts the whole question first, then its parts; never empty */
    public record Plan(List<SubQuery> parts, List<String> outlets) {}

    private static final Pattern CLAUSE_BREAK = Pattern.compile(
            "(?i)(?:,?\\s+while\\s+|,?\\s+whereas\\s+|;\\s*|,\\s+and\\s+(?=(?:the|is|has|was|also|its|their|in)\\b)"
                    + "|,\\s+(?=(?:as reported|according to|in contrast|compared|and also|which|who)\\b)"
                    + "|\\s+and\\s+(?=(?:the|a|an)\\s+['\"‘“]?[A-Z])|\\s+and\\s+(?:is|has|was)\\s+also\\s+)");
    /** More phrases than a real question has (MultiHop-RAG's longest have 6); bounds the searches a paste costs. */
    static final int MAX_PHRASES = 8;
    /**
     * Between the phrases of a question: commas, semicolons, and "and" before a new predicate. A comma before a year
     * belongs to a date ("published on October 6, 2023"), which must stay whole to date its phrase.
     */
    private static final Pattern PHRASE_BREAK = Pattern.compile(",(?!\\s+\\d{4}\\b)\\s+|;\\s*|\\s+and\\s+(?=(?:is|has|was|also|its|their)\\b)");
    private static final Pattern DAY_DATE = Pattern.compile(
            "(?i)\\b(January|February|March|April|May|June|July|August|September|October|November|December)\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b");
    /** "on September 28", "November 16th": a day without its year, read as the latest such day up to today. */
    private static final Pattern DAY_NO_YEAR = Pattern.compile(
            "(?i)\\b(January|February|March|April|May|June|July|August|September|October|November|December)\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!,?\\s*\\d)");
    private static final Pattern MONTH_DATE = Pattern.compile(
            "(?i)\\bin\\s+(?:early\\s+|late\\s+|mid-?)?(January|February|March|April|May|June|July|August|September|October|November|December)\\s+(\\d{4})\\b");
    private static final Pattern YEAR = Pattern.compile("(?i)\\b(?:in|during|since)\\s+((?:19|20)\\d{2})\\b(?!\\s*-)");
    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern RELATIVE = Pattern.compile("(?i)\\b(last|past|this)\\s+(week|month|year)\\b|\\b(yesterday|today)\\b");

    private final Map<String, Set<String>> aliases;
    private final LocalDate today;

    /**
     * @param outlets the outlet names in the index, as stored
     * @param today the date "last week" is relative to (the {@code --as-of} date, or the clock's)
     */
    public QueryPlanner(List<String> outlets, LocalDate today) {
        this.today = today;
        this.aliases = buildAliases(outlets);
    }

    /**
     * Alias (lower-case) to the outlets it may mean. Besides the full name: the part before " | " or " - " ("The
     * Roar | Sports Writers Blog" is cited as "The Roar"), the name without a leading "The", and a ".com" name without
     * its suffix. Very short aliases are dropped: they match ordinary words.
     */
    static Map<String, Set<String>> buildAliases(List<String> outlets) {
        Map<String, Set<String>> out = new TreeMap<>();
        for (String o : outlets) {
            if (o == null || o.isBlank() || o.equalsIgnoreCase("unknown")) continue;
            Set<String> names = new LinkedHashSet<>();
            names.add(o);
            for (String sep : new String[] {" | ", " - ", ": "}) {
                int i = o.indexOf(sep);
                if (i > 0) names.add(o.substring(0, i));
            }
            for (String n : List.copyOf(names)) {
                if (n.regionMatches(true, 0, "The ", 0, 4)) names.add(n.substring(4));
                if (n.toLowerCase(Locale.ROOT).endsWith(".com")) names.add(n.substring(0, n.length() - 4));
            }
            for (String n : names) {
                String key = n.strip().toLowerCase(Locale.ROOT);
                if (key.length() < 3 || (key.length() < 5 && !n.equals(n.toUpperCase(Locale.ROOT)) && !n.contains("."))) continue;
                out.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(o);
            }
        }
        return out;
    }

    public Plan plan(String question, Filters base) {
        List<String> mentioned = base.outlets().isEmpty() ? outletsIn(question) : List.of();
        List<SubQuery> parts = new ArrayList<>();
        Filters dated = withDates(base, question);
        if (dated != base && RELATIVE.matcher(withoutOutlets(question)).find() && dated.until().equals(today)) {
            // "last week", "this month": the reader asks about recent coverage, a filter.
            base = dated;
            parts.add(new SubQuery(question, base, 1.0));
        } else {
            // A named day, month or year may date the event rather than the article ("the war in 2021"): a hint,
            // not a filter. Weight 0.8 measured best on MultiHop-RAG's temporal questions (1.5 cost a point).
            parts.add(new SubQuery(question, base, 1.0));
            if (dated != base) parts.add(new SubQuery(question, dated, 0.8));
        }
        // Each named outlet gets the whole question within its own coverage: evidence from a small outlet is
        // otherwise crowded out by a big one that uses the same words. Within that filter the outlet names are
        // dropped from the text (see withoutOutlets); the unfiltered whole question keeps them, where a passage
        // that names the outlet may be the evidence.
        String unnamed = mentioned.isEmpty() ? question : withoutOutlets(question);
        for (String o : mentioned) {
            parts.add(new SubQuery(unnamed, new Filters(List.of(o), base.since(), base.until()), 0.8));
        }
        String[] clauses = CLAUSE_BREAK.split(question);
        if (clauses.length > 1) {
            for (String clause : clauses) {
                String c = clause.strip();
                if (c.split("\\s+").length < 4) continue;
                List<String> clauseOutlets = base.outlets().isEmpty() ? outletsIn(c) : base.outlets();
                Filters f = new Filters(clauseOutlets, base.since(), base.until());
                String text = clauseOutlets.isEmpty() ? c : withoutOutlets(c);
                parts.add(new SubQuery(text, f, 0.8));
                Filters fd = withDates(f, c);
                if (fd != f) parts.add(new SubQuery(text, fd, 0.6));
            }
        }
        // Finer still: a long question strings together what it knows of each fact, phrase by phrase ("recognized
        // for his vision of AI agents, generous to his staff, and accused of fraud"), and each phrase gets a
        // retrieval of its own. A phrase that names no outlet is searched within the outlets the question names,
        // because a question's evidence comes from the outlets it cites ("..., as reported by X and Y").
        // At most MAX_PHRASES phrases, each with at most one dated twin.
        int phrases = 0;
        for (String phrase : PHRASE_BREAK.split(question)) {
            String c = phrase.strip();
            if (phrases == MAX_PHRASES) break;
            if (c.split("\\s+").length < 4 || c.length() == question.strip().length()) continue;
            List<String> phraseOutlets = !base.outlets().isEmpty() ? base.outlets() : outletsIn(c);
            if (phraseOutlets.isEmpty()) phraseOutlets = mentioned;
            Filters f = new Filters(phraseOutlets, base.since(), base.until());
            String text = phraseOutlets.isEmpty() ? c : withoutOutlets(c);
            parts.add(new SubQuery(text, f, 0.8));
            // A phrase that names its own date ("the TechCrunch report published on October 7, 2023") also gets
            // that period as a hint, as a clause does.
            Filters fd = withDates(f, c);
            if (fd != f) parts.add(new SubQuery(text, fd, 0.6));
            phrases++;
        }
        return new Plan(parts, mentioned);
    }

    /**
     * Outlets named in the text, in the order they appear. Aliases are tried longest first so "The Independent -
     * Sports" is not read as the shorter "The Independent".
     */
    public List<String> outletsIn(String text) {
        Map<String, Integer> found = new java.util.HashMap<>();
        for (OutletMention m : mentions(text)) {
            for (String o : m.outlets()) found.merge(o, m.start(), Math::min);
        }
        return found.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
    }

    /** Where the text names an outlet, and which outlets the name may mean. */
    record OutletMention(int start, int end, Set<String> outlets) {}

    private List<OutletMention> mentions(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<OutletMention> out = new ArrayList<>();
        List<String> keys = new ArrayList<>(aliases.keySet());
        keys.sort((a, b) -> b.length() - a.length());
        for (String key : keys) {
            int from = 0;
            while (true) {
                int i = lower.indexOf(key, from);
                if (i < 0) break;
                int end = i + key.length();
                from = end;
                boolean wordStart = i == 0 || !Character.isLetterOrDigit(lower.charAt(i - 1));
                boolean wordEnd = end == lower.length() || !Character.isLetterOrDigit(lower.charAt(end));
                boolean overlaps = out.stream().anyMatch(t -> i < t.end() && end > t.start());
                if (wordStart && wordEnd && !overlaps) {
                    // An outlet is written as a name, with a capital somewhere: "the verge of collapse" is no outlet.
                    if (text.substring(i, end).chars().noneMatch(Character::isUpperCase)) continue;
                    out.add(new OutletMention(i, end, aliases.get(key)));
                }
            }
        }
        return out;
    }

    /**
     * The text with every outlet name blanked out. Once an outlet is a filter its name only adds noise terms:
     * "Business Today | Latest Stock Market And Economy News India" would otherwise make "stock", "market" and
     * "india" count as much as the words that say what the question is about.
     */
    String withoutOutlets(String text) {
        List<OutletMention> ms = mentions(text);
        if (ms.isEmpty()) return text;
        StringBuilder sb = new StringBuilder(text);
        for (OutletMention m : ms) {
            for (int i = m.start(); i < m.end(); i++) sb.setCharAt(i, ' ');
        }
        return sb.toString();
    }

    private static final String NAME = "['‘\"“]?((?:The\\s+)?\\p{Lu}[\\w.&’'-]*(?:\\s+(?:\\p{Lu}[\\w.&’'-]*|of|&))*)['’\"”]?";
    private static final String KIND = "(?:article|articles|report|reports|piece|story|stories|coverage|feature|analysis|publication)";
    /** Phrases that attribute coverage to a named source: "a Forbes article", "a report by Bloomberg", "according to X". */
    private static final List<Pattern> ATTRIBUTION = List.of(
            Pattern.compile("\\b(?:an?|the|another|one)\\s+" + NAME + "\\s+" + KIND + "\\b"),
            Pattern.compile("\\b" + KIND + "\\s+(?:published\\s+)?(?:by|from|in)\\s+" + NAME),
            Pattern.compile("\\b(?:another|one)\\s+(?:by|from|in)\\s+" + NAME),
            Pattern.compile("\\baccording to\\s+" + NAME));
    private static final Set<String> CALENDAR = Set.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
            "friday", "saturday", "sunday", "week", "today", "yesterday");

    /** Month and weekday names, "week", "today": words that say when, not what. */
    public static boolean isCalendarWord(String word) {
        return CALENDAR.contains(word.toLowerCase(Locale.ROOT));
    }

    /**
     * Sources the question attributes coverage to ("a Bloomberg report", "according to Reuters") that are not
     * outlets of this index. Asked what Bloomberg reported, the honest answer from an index without Bloomberg is
     * that it has none, not what someone else wrote.
     */
    public List<String> unknownOutletsIn(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (Pattern p : ATTRIBUTION) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                String name = m.group(1).strip();
                if (!isKnownOutlet(name)) out.add(name);
            }
        }
        return List.copyOf(out);
    }

    private boolean isKnownOutlet(String name) {
        String k = name.toLowerCase(Locale.ROOT).replaceAll("^['‘\"“]|['’\"”]$", "").strip();
        String bare = k.startsWith("the ") ? k.substring(4) : k;
        if (bare.isEmpty() || CALENDAR.contains(bare.split("\\s+")[0])) return true;
        for (String alias : aliases.keySet()) {
            if (k.equals(alias) || bare.equals(alias) || k.startsWith(alias + " ") || bare.startsWith(alias + " ")
                    || alias.startsWith(bare + " ") || alias.startsWith(bare)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Narrows the filters by a date the text names, unless the caller already set a range. Outlet names are blanked
     * first: "Business Today" or "USA Today" names a publication, not the day.
     */
    Filters withDates(Filters f, String text) {
        return withDatesOf(f, text);
    }

    /** The one period the text names ("in May 2021", "on October 5, 2023", "last week"), or null when none or several. */
    public LocalDate[] periodOf(String text) {
        return dateRange(withoutOutlets(text));
    }

    private Filters withDatesOf(Filters f, String text) {
        if (f.since() != null || f.until() != null) return f;
        LocalDate[] range = dateRange(withoutOutlets(text));
        return range == null ? f : new Filters(f.outlets(), range[0], range[1]);
    }

    /** The single period a text names, or null when it names none or several. */
    LocalDate[] dateRange(String text) {
        List<LocalDate[]> ranges = new ArrayList<>();
        Matcher m = DAY_DATE.matcher(text);
        while (m.find()) {
            try {
                LocalDate d = LocalDate.of(Integer.parseInt(m.group(3)), month(m.group(1)), Integer.parseInt(m.group(2)));
                // One day either side: outlets date by their own time zone, datasets by UTC.
                ranges.add(new LocalDate[] {d.minusDays(1), d.plusDays(1)});
            } catch (java.time.DateTimeException ignored) {
                // "February 30, 2024": not a date, not a filter
            }
        }
        m = ISO_DATE.matcher(text);
        while (m.find()) {
            try {
                LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                ranges.add(new LocalDate[] {d.minusDays(1), d.plusDays(1)});
            } catch (java.time.DateTimeException ignored) {
                // not a date
            }
        }
        if (ranges.isEmpty()) {
            m = DAY_NO_YEAR.matcher(text);
            while (m.find()) {
                try {
                    LocalDate d = LocalDate.of(today.getYear(), month(m.group(1)), Integer.parseInt(m.group(2)));
                    if (d.isAfter(today)) d = d.minusYears(1);
                    ranges.add(new LocalDate[] {d.minusDays(1), d.plusDays(1)});
                } catch (java.time.DateTimeException ignored) {
                    // "February 30": not a date
                }
            }
        }
        if (ranges.isEmpty()) {
            m = MONTH_DATE.matcher(text);
            while (m.find()) {
                YearMonth ym = YearMonth.of(Integer.parseInt(m.group(2)), month(m.group(1)));
                ranges.add(new LocalDate[] {ym.atDay(1), ym.atEndOfMonth()});
            }
        }
        if (ranges.isEmpty()) {
            m = YEAR.matcher(text);
            while (m.find()) {
                int y = Integer.parseInt(m.group(1));
                ranges.add(new LocalDate[] {LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)});
            }
        }
        if (ranges.isEmpty()) {
            m = RELATIVE.matcher(text);
            if (m.find()) {
                String unit = m.group(2) == null ? m.group(3).toLowerCase(Locale.ROOT) : m.group(2).toLowerCase(Locale.ROOT);
                switch (unit) {
                    case "week" -> ranges.add(new LocalDate[] {today.minusDays(7), today});
                    case "month" -> ranges.add(new LocalDate[] {today.minusMonths(1), today});
                    case "year" -> ranges.add(new LocalDate[] {today.minusYears(1), today});
                    case "yesterday" -> ranges.add(new LocalDate[] {today.minusDays(1), today.minusDays(1)});
                    case "today" -> ranges.add(new LocalDate[] {today, today});
                    default -> { }
                }
            }
        }
        return ranges.size() == 1 ? ranges.getFirst() : null;
    }

    private static Month month(String name) {
        for (Month mo : Month.values()) {
            if (mo.getDisplayName(TextStyle.FULL, Locale.ENGLISH).equalsIgnoreCase(name)) return mo;
        }
        throw new IllegalArgumentException("not a month: " + name);
    }
}
