package dev.newsdesk.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits news text into sentences by rule, tuned for English wire copy.
 *
 * <p>Contract: spans are in order, do not overlap, are trimmed of surrounding whitespace, never cross a
 * paragraph break (a blank line), and together cover every non-whitespace char of the text. A sentence ends at
 * {@code . ! ? …} (plus any closing quotes or brackets) when the next word starts a sentence. A period does not end
 * a sentence after a known abbreviation ("Mr.", "Lt. Gen.", "Feb. 7", "No. 5"), after an initial ("J. Smith"),
 * inside a number ("1.5") or before a lower-case word ("a.m. on Tuesday"). Dotted acronyms ("U.S.", "a.m.") end a
 * sentence only before a word that usually starts one ("The", "He", ...), because "U.S. Secretary" is far more
 * common in news than "the U.S. Secretaries". A missing space ("on Iran.Biden has") is a break when a lower-case
 * word is followed by a capitalised one.
 *
 * <p>Immutable and thread-safe.
 */
public final class SentenceSplitter {
    private static final Pattern DOTTED_ACRONYM = Pattern.compile("(?:\\p{L}\\.)+\\p{L}");
    /** Abbreviations that are never followed by a sentence break when the next word is capitalised. */
    private static final Set<String> TITLES = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "gen", "lt", "col", "maj", "capt", "cpt", "sgt",
            "cpl", "pvt", "adm", "cmdr", "cdr", "brig", "rep", "reps", "sen", "sens", "gov", "pres", "supt", "rev",
            "hon", "fr", "mt", "ft", "messrs", "mme", "mlle", "gens", "insp", "det", "ald", "amb", "atty", "vs",
            "v", "inc", "corp", "ltd", "co", "bros", "dept", "univ", "assn", "ave", "blvd", "rd", "jan", "feb", "mar",
            "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "est", "fig", "figs", "al");
    /** Abbreviations that only bind to a following number ("No. 5", "p. 12"); "No. That was..." still splits. */
    private static final Set<String> BEFORE_NUMBER = Set.of("no", "nos", "p", "pp", "vol", "art", "sec", "ch", "op", "nr");
    /** Words that usually open a sentence; used after dotted acronyms, where the case is ambiguous. */
    private static final Set<String> STARTERS = Set.of(
            "the", "a", "an", "in", "on", "at", "it", "its", "he", "she", "they", "we", "i", "you", "but", "and", "this",
            "that", "these", "those", "there", "his", "her", "their", "our", "my", "if", "when", "while", "however",
            "after", "before", "as", "for", "since", "so", "yet", "what", "who", "why", "how", "meanwhile", "still",
            "also", "some", "many", "most", "one", "two", "no", "not", "officials", "according", "earlier", "later");

    public List<Span> split(String text) {
        List<Span> out = new ArrayList<>();
        int n = text.length();
        int pos = 0;
        while (pos < n) {
            int paraEnd = paragraphEnd(text, pos);
            splitParagraph(text, pos, paraEnd, out);
            pos = skipBlank(text, paraEnd);
        }
        return out;
    }

    /** End of the paragraph starting at or after {@code from}: the first blank line, or the end of text. */
    private static int paragraphEnd(String text, int from) {
        int i = from;
        while (true) {
            int nl = text.indexOf('\n', i);
            if (nl < 0) return text.length();
            int j = nl + 1;
            while (j < text.length() && text.charAt(j) != '\n' && Character.isWhitespace(text.charAt(j))) j++;
            if (j >= text.length() || text.charAt(j) == '\n') return nl;
            i = j;
        }
    }

    private static int skipBlank(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) i++;
        return i;
    }

    private void splitParagraph(String text, int from, int to, List<Span> out) {
        int start = from;
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (c == '.' || c == '!' || c == '?' || c == '…') {
                int end = i + 1;
                while (end < to && isTerminal(text.charAt(end))) end++; // "?!", "...", "…."
                while (end < to && isCloser(text.charAt(end))) end++;
                if (isBreak(text, i, end, to)) {
                    add(text, start, end, out);
                    start = end;
                }
                i = end;
            } else {
                i++;
            }
        }
        add(text, start, to, out);
    }

    private static void add(String text, int start, int end, List<Span> out) {
        while (start < end && isSpace(text.charAt(start))) start++;
        while (end > start && isSpace(text.charAt(end - 1))) end--;
        if (end > start) out.add(new Span(start, end));
    }

    /**
     * Whether the terminal punctuation at {@code punct} (with closers up to {@code end}) ends a sentence.
     */
    private boolean isBreak(String text, int punct, int end, int limit) {
        if (end >= limit) return true;
        char c = text.charAt(punct);
        boolean spaced = isSpace(text.charAt(end));
        int next = end;
        while (next < limit && isSpace(text.charAt(next))) next++;
        if (next >= limit) return true;
        if (!spaced) {
            // "Iran.Biden": only a period glued between a lower-case word and a capitalised word; never inside
            // numbers (1.5), domains (jns.org) or acronyms (U.S.).
            return c == '.' && end == punct + 1 && punct > 0 && Character.isLowerCase(text.charAt(punct - 1))
                    && lowerRunBefore(text, punct) >= 2
                    && Character.isUpperCase(text.charAt(end)) && end + 1 < limit
                    && Character.isLowerCase(text.charAt(end + 1));
        }
        char first = firstWordChar(text, next, limit);
        boolean upper = Character.isUpperCase(first) || Character.isTitleCase(first);
        boolean digit = Character.isDigit(first);
        if (!upper && !digit) return false; // "a.m. on", "Inc. said", "Why?" he asked
        if (c != '.' || end > punct + 1) return true; // ! ? … "..." or a period before a closing quote: ."  .’
        String word = wordBefore(text, punct);
        if (word.isEmpty()) return true;
        if (DOTTED_ACRONYM.matcher(word).matches()) { // dotted acronym: U.S, a.m, D.C
            return upper && STARTERS.contains(nextWord(text, next, limit).toLowerCase(Locale.ROOT));
        }
        int dot = word.lastIndexOf('.');
        if (dot >= 0) word = word.substring(dot + 1); // "jns.org." ends like "org."
        String lower = word.toLowerCase(Locale.ROOT);
        if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) return false; // initial: J. Smith
        if (TITLES.contains(lower)) return false;
        if (digit && BEFORE_NUMBER.contains(lower)) return false;
        return true;
    }

    private static int lowerRunBefore(String text, int i) {
        int n = 0;
        for (int j = i - 1; j >= 0 && Character.isLowerCase(text.charAt(j)); j--) n++;
        return n;
    }

    /** The word right before a period, including inner periods ("U.S" for "U.S."), without leading punctuation. */
    private static String wordBefore(String text, int punct) {
        int j = punct;
        while (j > 0 && (Character.isLetterOrDigit(text.charAt(j - 1)) || text.charAt(j - 1) == '.')) j--;
        return text.substring(j, punct);
    }

    private static String nextWord(String text, int i, int limit) {
        while (i < limit && !Character.isLetterOrDigit(text.charAt(i))) i++;
        int j = i;
        while (j < limit && Character.isLetter(text.charAt(j))) j++;
        return text.substring(i, j);
    }

    /** First letter or digit of the next word, skipping opening quotes and brackets; 0 when there is none. */
    private static char firstWordChar(String text, int i, int limit) {
        while (i < limit && isOpener(text.charAt(i))) i++;
        return i < limit ? text.charAt(i) : 0;
    }

    private static boolean isTerminal(char c) {
        return c == '.' || c == '!' || c == '?' || c == '…';
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == '’' || c == '”' || c == ')' || c == ']' || c == '»' || c == '›';
    }

    private static boolean isOpener(char c) {
        return c == '"' || c == '\'' || c == '‘' || c == '“' || c == '(' || c == '[' || c == '«' || c == '‹';
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
