package dev.newsdesk.answer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Small text utilities for citation checking: a sentence splitter that knows common news abbreviations,
 * content-word stems (stopwords removed, light suffix stripping), number tokens and quotations. Kept free of
 * Lucene (the answer package must not depend on it) and deliberately simple: it only needs to be
 * consistent between a model's sentence and a source passage. Stateless and thread-safe.
 */
final class TextSupport {
    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "gen", "lt", "col", "sgt", "adm",
            "rep", "sen", "gov", "st", "jr", "sr", "inc", "co", "corp", "ltd", "vs", "no", "prof", "rev", "maj", "capt",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "e.g", "i.e", "etc");

    /** Function words plus reporting verbs: "X said Y" and "X told Y" should match "Y", per X. */
    private static final Set<String> STOPWORDS = Set.of(
            "a", "an", "the", "and", "or", "but", "nor", "so", "yet", "if", "then", "than", "that", "this", "these",
            "those", "there", "here", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into", "onto", "over",
            "under", "about", "after", "before", "during", "since", "until", "while", "as", "up", "down", "out", "off",
            "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "done", "have", "has", "had",
            "having", "it", "its", "it's", "he", "him", "his", "she", "her", "hers", "they", "them", "their", "theirs",
            "we", "us", "our", "you", "your", "i", "me", "my", "who", "whom", "whose", "which", "what", "when", "where",
            "why", "how", "not", "no", "also", "just", "only", "very", "too", "more", "most", "much", "many", "some",
            "any", "all", "each", "both", "such", "own", "same", "other", "another", "can", "could", "will", "would",
            "shall", "should", "may", "might", "must", "s", "said", "says", "say", "saying", "told", "tell", "tells",
            "according", "reported", "reports", "report", "stated", "added", "noted", "one", "mr", "mrs", "ms");

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)?(?:[.,][0-9]+)*");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");
    private static final Map<String, String> NUMBER_WORDS = numberWords();
    private static final Pattern NUMBER_WORD = Pattern.compile("(?i)\\b(?:" + String.join("|", NUMBER_WORDS.keySet()) + ")\\b");
    private static final Pattern CURLY_QUOTE = Pattern.compile("“([^”]{1,1000})”");
    private static final Pattern STRAIGHT_QUOTE = Pattern.compile("\"([^\"]{1,1000})\"");

    private TextSupport() {}

    private static Map<String, String> numberWords() {
        String[] cardinals = {"", "", "", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};
        String[] ordinals = {"", "", "", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                "tenth", "eleventh", "twelfth"};
        Map<String, String> words = new LinkedHashMap<>();
        for (int i = 3; i < cardinals.length; i++) words.put(cardinals[i], Integer.toString(i));
        for (int i = 3; i < ordinals.length; i++) words.put(ordinals[i], i + "th");
        String[] tens = {"thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
        for (int i = 0; i < tens.length; i++) words.put(tens[i], Integer.toString(30 + 10 * i));
        words.put("dozen", "12");
        words.put("hundred", "100");
        return Map.copyOf(words);
    }

    /** Splits prose into sentences; line breaks always end a sentence. Never returns blank entries. */
    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\\n+")) {
            splitLine(line, out);
        }
        return out;
    }

    private static void splitLine(String line, List<String> out) {
        int start = 0;
        int n = line.length();
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (c != '.' && c != '!' && c != '?') continue;
            int end = i + 1;
            while (end < n && isCloser(line.charAt(end))) end++;
            end = skipMarkers(line, end); // "Israel.[1][7] Next" ends after the markers
            if (end >= n || !Character.isWhitespace(line.charAt(end))) continue;
            int next = end;
            while (next < n && Character.isWhitespace(line.charAt(next))) next++;
            if (next >= n) break;
            char following = line.charAt(next);
            // Anything but a lower-case letter may open a sentence: capitals, digits, quotes, "[", "@", ...
            if (Character.isLowerCase(following)) continue;
            if (c == '.' && isAbbreviation(line, i)) continue;
            add(out, line.substring(start, end));
            start = next;
            i = next - 1;
        }
        add(out, line.substring(start));
    }

    private static int skipMarkers(String line, int from) {
        int at = from;
        while (at < line.length() && line.charAt(at) == '[') {
            int close = line.indexOf(']', at);
            if (close < 0 || !line.substring(at + 1, close).matches("[\\d,;\\s]+")) break;
            at = close + 1;
        }
        return at;
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '”' || c == '’' || c == '\'' || c == ')' || c == ']';
    }

    /** True when the period at {@code dot} ends an abbreviation ("Mr.", "U.S.", "Feb.") rather than a sentence. */
    private static boolean isAbbreviation(String line, int dot) {
        int b = dot;
        while (b > 0 && (Character.isLetter(line.charAt(b - 1)) || line.charAt(b - 1) == '.')) b--;
        String word = line.substring(b, dot);
        if (word.isEmpty()) return false;
        if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) return true; // initials: "J. Smith"
        if (word.contains(".")) return true;                                          // "U.S", "e.g"
        return ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
    }

    private static void add(List<String> out, String sentence) {
        String s = sentence.strip();
        if (!s.isEmpty()) out.add(s);
    }

    /** Distinct content-word stems in order of appearance. */
    static Set<String> contentStems(String text) {
        Set<String> stems = new LinkedHashSet<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String word = m.group().toLowerCase(Locale.ROOT).replace('’', '\'');
            if (word.endsWith("'s")) word = word.substring(0, word.length() - 2);
            if (STOPWORDS.contains(word) || word.isEmpty()) continue;
            if (Character.isDigit(word.charAt(0))) {
                stems.add(word.replace(",", ""));
            } else {
                stems.add(stem(word));
            }
        }
        return stems;
    }

    /**
     * Numbers stated in the text: digit tokens with thousands separators removed ("1,200" -> "1200") plus
     * number words ("six" -> "6", "sixth" -> "6th"), so "six-point" and "10-point" disagree.
     * "one", "two", "first" and "second" are left out: they are more often a pronoun or phrase ("one attendee
     * said", "the two men", "at first", "a second meeting") than a stated count.
     */
    static Set<String> numbers(String text) {
        Set<String> numbers = new LinkedHashSet<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) numbers.add(m.group().replace(",", ""));
        Matcher w = NUMBER_WORD.matcher(text);
        while (w.find()) numbers.add(NUMBER_WORDS.get(w.group().toLowerCase(Locale.ROOT)));
        return numbers;
    }

    /**
     * Capitalised content words: a cheap proxy for names of people, places and organisations (the first
     * word of a sentence is included; when it is an ordinary word it usually occurs in a supporting passage
     * anyway). Returned as stems, comparable with {@link #contentStems}.
     */
    static Set<String> nameStems(String sentence) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = WORD.matcher(sentence);
        while (m.find()) {
            String word = m.group();
            if (!Character.isUpperCase(word.charAt(0))) continue;
            String lower = word.toLowerCase(Locale.ROOT).replace('’', '\'');
            if (lower.endsWith("'s")) lower = lower.substring(0, lower.length() - 2);
            if (STOPWORDS.contains(lower) || lower.length() < 2) continue;
            names.add(stem(lower));
        }
        return names;
    }

    /**
     * True when {@code name} (a stem from {@link #nameStems}) occurs in {@code words}, allowing a demonym or
     * derived form to match its root ("israeli"/"israel", "iranian"/"iran"); roots shorter than 4 letters
     * must match exactly.
     */
    static boolean containsName(Set<String> words, String name) {
        if (words.contains(name)) return true;
        for (String w : words) {
            if (w.length() >= 4 && name.length() >= 4 && (name.startsWith(w) || w.startsWith(name))) return true;
        }
        return false;
    }

    /** A light English suffix stripper: enough to match "meets"/"meeting"/"met"-free variants consistently. */
    static String stem(String word) {
        String w = word;
        if (w.length() > 4 && w.endsWith("ies")) return w.substring(0, w.length() - 3) + "y";
        if (w.length() > 5 && w.endsWith("ing")) return trimDouble(w.substring(0, w.length() - 3));
        if (w.length() > 4 && w.endsWith("ed")) return trimDouble(w.substring(0, w.length() - 2));
        if (w.length() > 4 && w.endsWith("ly")) return w.substring(0, w.length() - 2);
        if (w.length() > 4 && w.endsWith("es") && (w.endsWith("ses") || w.endsWith("xes") || w.endsWith("ches")
                || w.endsWith("shes"))) return w.substring(0, w.length() - 2);
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            return w.substring(0, w.length() - 1);
        }
        if (w.length() > 4 && w.endsWith("e")) return w.substring(0, w.length() - 1);
        return w;
    }

    private static String trimDouble(String w) {
        int n = w.length();
        if (n > 3 && w.charAt(n - 1) == w.charAt(n - 2) && "lsz".indexOf(w.charAt(n - 1)) < 0) return w.substring(0, n - 1);
        if (n > 3 && w.endsWith("e")) return w.substring(0, n - 1);
        return w;
    }

    /** Quoted passages of at least {@code minWords} words, in “curly” or "straight" quotes. */
    static List<String> quotations(String sentence, int minWords) {
        List<String> quotes = new ArrayList<>();
        for (Pattern p : List.of(CURLY_QUOTE, STRAIGHT_QUOTE)) {
            Matcher m = p.matcher(sentence);
            while (m.find()) {
                String q = m.group(1).strip();
                if (q.split("\\s+").length >= minWords) quotes.add(q);
            }
        }
        return quotes;
    }

    /**
     * Normal form for verbatim comparison of quotations: unified quote marks and dashes, collapsed whitespace,
     * lower case, and no leading or trailing punctuation (a quote may end where the source has a comma).
     */
    static String normaliseQuote(String text) {
        String s = text.replace('’', '\'').replace('‘', '\'').replace('“', '"').replace('”', '"')
                .replace('—', '-').replace('–', '-').replaceAll("\\s+", " ").toLowerCase(Locale.ROOT).strip();
        return s.replaceAll("^[\\p{Punct}\\s]+|[\\p{Punct}\\s]+$", "");
    }
}
