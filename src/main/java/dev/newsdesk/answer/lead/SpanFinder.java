package dev.newsdesk.answer.lead;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Candidate answer spans in a sentence, by plain patterns: runs of capitalised words (names of people,
 * organizations, places, products), dates, and numbers with their unit or currency. Patterns rather than an NLP
 * library: on MultiHop-RAG the answers are names that news text capitalises, and the patterns keep the answerer
 * dependency-free and fast. Stateless and thread-safe.
 */
public final class SpanFinder {
    /**
     * A span of {@code text} in {@code [start, end)}, of a coarse kind: NAME, NUMBER or DATE. {@code part} marks a
     * name offered without the first words of its run ("Yoav Gallant" of "Defense Minister Yoav Gallant").
     */
    public record Found(int start, int end, String text, Kind kind, boolean part) {
        public Found(int start, int end, String text, Kind kind) {
            this(start, end, text, kind, false);
        }
    }

    public enum Kind { NAME, NUMBER, DATE }

    private static final String MONTH = "(?:January|February|March|April|May|June|July|August|September|October|"
            + "November|December|Jan\\.|Feb\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)";
    private static final Pattern DATE = Pattern.compile("\\b(?:" + MONTH + "\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+(?:19|20)\\d{2})?"
            + "|\\d{1,2}(?:st|nd|rd|th)?\\s+" + MONTH + "(?:,?\\s+(?:19|20)\\d{2})?"
            + "|" + MONTH + "\\s+(?:19|20)\\d{2}"
            + "|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
            + "|(?:in|since|by|until) (?:19|20)\\d{2})\\b");
    private static final Pattern NUMBER = Pattern.compile("(?:[$€£]\\s?|\\b(?:US|A|C)\\$\\s?)?(?<![\\w.])\\d[\\d,]*(?:\\.\\d+)?"
            + "(?:\\s?(?:%|percent|per cent|percentage points?))?"
            + "(?:\\s(?:million|billion|trillion|thousand|hundred|bn|m)\\b)?"
            + "(?:\\s(?:percent|per cent|people|users|customers|employees|jobs|workers|points|yards|touchdowns|games|"
            + "goals|runs|wins|years|months|weeks|days|hours|minutes|seconds|miles|kilometres|kilometers|km|dollars|"
            + "pounds|euros|shares|votes|seats|copies|units|subscribers|tons|tonnes|degrees|cases|deaths|times)\\b)?");
    private static final Pattern SPELLED_NUMBER = Pattern.compile("(?i)\\b(?:two|three|four|five|six|seven|eight|nine|ten|"
            + "eleven|twelve|dozen|hundreds?|thousands?)\\s(?:people|users|employees|jobs|points|yards|touchdowns|games|"
            + "goals|years|months|weeks|days|hours|times|seats|percent)\\b");
    /**
     * A count in words, whatever it counts: "roughly a dozen", "about 40", "more than a hundred". The counted noun
     * is left out of the span; the question's own noun next to it is what makes it the answer ({@code adjacent}).
     */
    private static final Pattern APPROXIMATE_COUNT = Pattern.compile("(?i)\\b(?:(?:roughly|about|around|some|nearly|"
            + "almost|more than|over|at least|fewer than|less than|up to|only) )?(?:a|one|two|three|four|five|six|seven|"
            + "eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a few|several|half a|a couple of) "
            + "(?:dozen|hundred|thousand|million|billion)s?\\b|\\b(?:roughly|about|around|nearly|almost|more than|over|"
            + "at least|fewer than|less than|up to) (?:a dozen|\\d[\\d,]*(?:\\.\\d+)?)\\b");
    /**
     * Words that open a name run but are a title or a nationality, not the name: "Israeli Prime Minister Benjamin
     * Netanyahu" names Benjamin Netanyahu, "Defense Minister Yoav Gallant" names Yoav Gallant.
     */
    static final Set<String> TITLES = Set.of("President", "Vice", "Prime", "Minister", "Secretary", "State", "Ambassador",
            "Director", "Chief", "Senator", "Sen", "Rep", "Representative", "Gov", "Governor", "CEO", "CFO", "COO",
            "Chairman", "Chairwoman", "Chair", "Judge", "Justice", "General", "Gen", "Lt", "Col", "Maj", "Capt", "Adm",
            "Mayor", "Speaker", "Envoy", "Special", "Assistant", "Deputy", "Foreign", "Defense", "Defence", "Finance",
            "Interior", "Head", "Spokesperson", "Spokesman", "Spokeswoman", "Commissioner", "King", "Queen", "Prince",
            "Princess", "Pope", "Attorney", "Sheriff", "Coach", "Founder", "Co-founder", "Professor", "Prof", "Leader",
            "Opposition", "Cabinet", "War", "Security", "National", "Supreme", "Commander", "Officer", "Executive",
            "Managing", "Senior", "Former", "Acting", "Israeli", "American", "British", "Iranian", "Palestinian",
            "Russian", "Ukrainian", "Chinese", "French", "German", "Indian", "Japanese", "Canadian", "Australian",
            "Egyptian", "Saudi", "Turkish", "Qatari", "Jordanian", "Lebanese", "Syrian", "US", "U.S", "UK", "U.K",
            "UN", "U.N", "EU", "Democratic", "Republican", "GOP", "Mr", "Mrs", "Ms", "Dr", "Sir", "Dame", "Lord", "Lady");
    /** A capitalised word, an acronym, or a word like "iPhone"/"eBay"; may carry inner hyphens, dots, ampersands. */
    private static final Pattern NAME_TOKEN = Pattern.compile("(?:\\p{Lu}|[a-z]\\p{Lu})[\\p{L}\\p{N}]*(?:[-.&'’][\\p{L}\\p{N}]+)*");
    /** Capitalised words that start sentences or clauses rather than names. */
    static final Set<String> NOT_NAMES = Set.of("The", "A", "An", "In", "On", "At", "As", "But", "And", "Or", "If",
            "It", "Its", "It's", "This", "That", "These", "Those", "There", "Their", "They", "We", "Our", "He", "She",
            "His", "Her", "I", "You", "Your", "My", "When", "While", "After", "Before", "For", "From", "With", "Without",
            "By", "To", "Of", "Yet", "So", "Still", "Also", "However", "Meanwhile", "Now", "Then", "Today", "Yesterday",
            "Here", "What", "Which", "Who", "Why", "How", "Where", "Some", "Many", "Most", "More", "All", "Each",
            "Every", "Both", "One", "Two", "Three", "First", "Last", "Next", "According", "During", "Since", "Until",
            "Although", "Though", "Either", "Neither", "Because", "Despite", "Instead", "Even", "Just", "Not", "No", "Yes", "Mr", "Mrs",
            "Ms", "Dr", "Sir", "Read", "Photo", "Image", "Getty", "Images", "Monday", "Tuesday", "Wednesday",
            "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June",
            "July", "August", "September", "October", "November", "December", "Is", "Was", "Are", "Were", "Do",
            "Does", "Did", "Has", "Have", "Had", "Can", "Could", "Will", "Would", "Should", "Let", "Over", "Under",
            "Like", "Such", "Other", "Another", "Any", "Than", "Thus", "Whether", "Once", "Earlier", "Later", "Late",
            "Early", "Sources", "Source", "Update", "Updated", "Editor", "Note", "Advertisement", "AP", "CNN");
    private static final Set<String> CONNECTORS = Set.of("of", "de", "&", "and", "for", "the", "von", "van", "la", "du", "der", "al");

    /** Every candidate span of {@code text}, in text order (overlapping across kinds, never within one). */
    public List<Found> find(String text) {
        List<Found> out = new ArrayList<>();
        names(text, out);
        for (Matcher m = DATE.matcher(text); m.find(); ) {
            int s = m.start();
            String t = m.group();
            int sp = t.indexOf(' ');
            if (t.startsWith("in ") || t.startsWith("since ") || t.startsWith("by ") || t.startsWith("until ")) s += sp + 1;
            out.add(new Found(s, m.end(), text.substring(s, m.end()), Kind.DATE));
        }
        for (Matcher m = NUMBER.matcher(text); m.find(); ) {
            String t = m.group().strip();
            if (t.matches("(19|20)\\d{2}")) continue; // a bare year is a date, found above when it has context
            int e = m.start() + m.group().stripTrailing().length();
            if (e - m.start() == 0) continue;
            out.add(new Found(m.start(), e, text.substring(m.start(), e), Kind.NUMBER));
        }
        for (Matcher m = SPELLED_NUMBER.matcher(text); m.find(); ) out.add(new Found(m.start(), m.end(), m.group(), Kind.NUMBER));
        for (Matcher m = APPROXIMATE_COUNT.matcher(text); m.find(); ) out.add(new Found(m.start(), m.end(), m.group(), Kind.NUMBER));
        return out;
    }

    private void names(String text, List<Found> out) {
        Matcher m = NAME_TOKEN.matcher(text);
        int runStart = -1, runEnd = -1, tokens = 0;
        int pos = 0;
        while (m.find(pos)) {
            int s = m.start(), e = m.end();
            pos = e;
            if (s > 0 && Character.isLetterOrDigit(text.charAt(s - 1))) continue; // inside a word
            String tok = trimPossessive(text.substring(s, e));
            e = s + tok.length();
            boolean stop = NOT_NAMES.contains(tok.replace(".", ""));
            if (runStart >= 0 && joinable(text, runEnd, s) && tokens < 6 && !stop) {
                runEnd = e;
                tokens++;
            } else {
                if (runStart >= 0) emit(text, runStart, runEnd, out);
                runStart = stop ? -1 : s;
                runEnd = stop ? -1 : e;
                tokens = stop ? 0 : 1;
            }
            if (runStart >= 0 && (text.startsWith("'s", e) || text.startsWith("’s", e))) {
                // a possessive ends the name: "Google's chief" is Google
                emit(text, runStart, runEnd, out);
                runStart = -1;
                tokens = 0;
            }
        }
        if (runStart >= 0) emit(text, runStart, runEnd, out);
    }

    /** Two name tokens join across one space, or across a connector word ("Bank of America", "AT&T"). */
    private static boolean joinable(String text, int end, int nextStart) {
        String gap = text.substring(end, nextStart);
        if (gap.equals(" ")) return true;
        if (!gap.startsWith(" ") || !gap.endsWith(" ")) return false;
        String w = gap.strip();
        if (w.equals("&")) return true;
        // "Bank of America" joins; "CEO of OpenAI" does not (a short acronym before "of" is a title)
        String before = text.substring(Math.max(0, text.lastIndexOf(' ', end - 1) + 1), end);
        if (before.matches("\\p{Lu}{2,4}")) return false;
        return CONNECTORS.contains(w) && !w.equals("and") && !w.equals("for");
    }

    private static void emit(String text, int s, int e, List<Found> out) {
        String t = text.substring(s, e);
        // "the" may join ("Bank of the West") but never ends a name; nor does a trailing connector
        while (true) {
            int sp = t.lastIndexOf(' ');
            if (sp < 0 || !CONNECTORS.contains(t.substring(sp + 1))) break;
            t = t.substring(0, sp);
        }
        if (t.length() < 2 || t.endsWith(".") && t.length() <= 3) return;
        out.add(new Found(s, s + t.length(), t, Kind.NAME));
        // the name without its title: "Defense Minister Yoav Gallant" also gives "Yoav Gallant"
        int cut = 0;
        String rest = t;
        while (true) {
            int sp = rest.indexOf(' ');
            if (sp < 0) break;
            String first = rest.substring(0, sp).replace(".", "").replace(",", "");
            boolean acronymBeforeTitle = first.matches("\\p{Lu}{2,4}") && rest.indexOf(' ', sp + 1) > 0
                    && TITLES.contains(rest.substring(sp + 1, rest.indexOf(' ', sp + 1)).replace(".", ""));
            if (!TITLES.contains(first) && !CONNECTORS.contains(first) && !acronymBeforeTitle) break;
            cut += sp + 1;
            rest = rest.substring(sp + 1);
        }
        if (cut > 0 && !rest.isEmpty() && !TITLES.contains(rest.replace(".", "")) && Character.isUpperCase(rest.charAt(0))) {
            out.add(new Found(s + cut, s + t.length(), rest, Kind.NAME, true));
        } else if (cut == 0) {
            // "Ambassador to Israel Jack Lew": three words may be a place before a name; the last two are offered too
            String[] w = t.split(" ");
            if (w.length == 3 && !CONNECTORS.contains(w[1])) {
                int at = t.indexOf(' ') + 1;
                out.add(new Found(s + at, s + t.length(), t.substring(at), Kind.NAME, true));
            }
        }
    }

    private static String trimPossessive(String tok) {
        if (tok.endsWith("'s") || tok.endsWith("’s")) return tok.substring(0, tok.length() - 2);
        if (tok.endsWith("'") || tok.endsWith("’")) return tok.substring(0, tok.length() - 1);
        return tok;
    }

    /** Lower-cased letters and digits only, single-spaced: how spans are compared ("Bankman-Fried" = "bankman fried"). */
    public static String key(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
