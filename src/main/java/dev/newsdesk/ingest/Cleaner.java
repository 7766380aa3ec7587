package dev.newsdesk.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes site furniture from article text by general, data-driven rules ({@link BoilerplateRules}, by default
 * {@code boilerplate.txt}): paywall and registration nags, donation appeals, newsletter promos, section labels,
 * repeated photo captions and trailing link lists. It also normalises whitespace.
 *
 * <p>Output shape: paragraphs separated by exactly {@code "\n\n"}, each paragraph one line with single spaces,
 * no leading or trailing whitespace. Every line of the input is its own paragraph (news text puts one paragraph
 * per line), except in hard-wrapped text, whose lines are joined back into paragraphs. Passage offsets point
 * into this output, so it is the article body.
 *
 * <p>Immutable and thread-safe.
 */
public final class Cleaner {
    /** Appeals are short; a longer paragraph that happens to contain such a phrase is kept (it is likely reporting). */
    static final int MAX_DROPPED_PARAGRAPH_CHARS = 800;
    /** Labels, datelines and trailer headings are short lines; longer paragraphs are not even tested. */
    static final int MAX_LABEL_CHARS = 100;

    private final BoilerplateRules rules;
    // Each section as one alternation: a paragraph is scanned once per section instead of once per rule, which
    // makes cleaning several times faster on large corpora. Inline flags such as (?-i) stay scoped to their rule.
    private final Pattern label;
    private final Pattern trailer;
    private final Rule[] drop;
    private final Rule[] caption;

    public Cleaner() {
        this(BoilerplateRules.defaults());
    }

    public Cleaner(BoilerplateRules rules) {
        this.rules = rules;
        this.label = combine(rules.label());
        this.trailer = combine(rules.trailer());
        this.drop = rules.drop().stream().map(Rule::of).toArray(Rule[]::new);
        this.caption = rules.caption().stream().map(Rule::of).toArray(Rule[]::new);
    }

    /**
     * A find-anywhere rule with a literal it cannot match without ("you have read" for
     * {@code \byou have read (?:\d+|...)}), found by a fast {@code String.contains} on the lower-cased
     * paragraph before the regex runs. Scanning every paragraph of a 35M-word corpus with dozens of
     * case-insensitive regexes is otherwise the slowest step of ingest.
     */
    private record Rule(Pattern pattern, String literal) {
        static Rule of(Pattern p) {
            return new Rule(p, requiredLiteral(p.pattern()));
        }

        boolean find(String paragraph, String lower) {
            return (literal.isEmpty() || lower.contains(literal)) && pattern.matcher(paragraph).find();
        }
    }

    /**
     * The longest run of plain chars (letters, digits, spaces, apostrophes) outside any group, escape, class or
     * quantified atom of a regex: text every match must contain. Empty when there is no such run of 4+ chars.
     */
    static String requiredLiteral(String regex) {
        String best = "";
        StringBuilder run = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            boolean plain = depth == 0 && (Character.isLetterOrDigit(c) || c == ' ' || c == '\'' || c == '’' || c == ',');
            if (c == '\\') {
                plain = false;
                i++; // skip the escaped char, e.g. \b or \.
            } else if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            }
            if (plain) {
                run.append(Character.toLowerCase(c));
                continue;
            }
            // a quantifier applies to the last char of the run: it is not required
            if ((c == '?' || c == '*' || c == '{') && !run.isEmpty()) run.setLength(run.length() - 1);
            if (run.length() > best.length()) best = run.toString();
            run.setLength(0);
        }
        if (run.length() > best.length()) best = run.toString();
        return best.strip().length() >= 4 && depth == 0 ? best : "";
    }

    /** One pattern matching what any of {@code rules} matches; null for an empty list. */
    private static Pattern combine(List<Pattern> rules) {
        if (rules.isEmpty()) return null;
        StringBuilder sb = new StringBuilder();
        for (Pattern p : rules) sb.append(sb.isEmpty() ? "" : "|").append("(?:").append(p.pattern()).append(')');
        return Pattern.compile(sb.toString(), BoilerplateRules.FLAGS);
    }

    /** The cleaned body; empty when nothing but boilerplate was there. */
    public String clean(String rawBody) {
        return String.join("\n\n", cleanParagraphs(rawBody));
    }

    /** The cleaned body as paragraphs. */
    List<String> cleanParagraphs(String rawBody) {
        List<String> paras = paragraphs(rawBody);
        int total = 0;
        for (String p : paras) total += p.length();

        List<String> kept = new ArrayList<>();
        Set<String> captions = new HashSet<>();
        int before = 0;
        for (String p : paras) {
            if (before >= total - before && p.length() <= MAX_LABEL_CHARS && matchesWhole(trailer, p)) break; // trailer: rest is furniture
            before += p.length();
            String lower = p.toLowerCase(Locale.ROOT); // once for both the drop and the caption rules
            if (isBoilerplate(p, lower)) continue;
            if (!kept.isEmpty() && kept.getLast().equals(p)) continue; // a line repeated back to back
            if (findAny(caption, p, lower) && !captions.add(p)) continue; // caption seen before
            kept.add(p);
        }
        return kept;
    }

    /** Whether a (normalised) paragraph is a label or an appeal that {@link #clean} drops. */
    boolean isBoilerplate(String paragraph) {
        return isLabel(paragraph) || paragraph.length() <= MAX_DROPPED_PARAGRAPH_CHARS
                && findAny(drop, paragraph, paragraph.toLowerCase(Locale.ROOT));
    }

    /** {@link #isBoilerplate(String)} given the paragraph lower-cased with {@code Locale.ROOT}. */
    private boolean isBoilerplate(String paragraph, String lower) {
        return isLabel(paragraph) || paragraph.length() <= MAX_DROPPED_PARAGRAPH_CHARS && findAny(drop, paragraph, lower);
    }

    /** Whether a normalised paragraph is a stand-alone label such as a dateline or a section name. */
    boolean isLabel(String paragraph) {
        return paragraph.length() <= MAX_LABEL_CHARS && matchesWhole(label, paragraph);
    }

    /**
     * Normalised paragraphs before any boilerplate rule except the leading prefix: newlines unified, spaces
     * collapsed, blank lines dropped, hard-wrapped lines rejoined.
     */
    List<String> paragraphs(String rawBody) {
        String text = rawBody.replace("\r\n", "\n").replace('\r', '\n').replace("\u0000", "");
        for (Pattern p : rules.prefix()) {
            Matcher m = p.matcher(text);
            if (m.lookingAt()) text = text.substring(m.end());
        }
        List<String> out = new ArrayList<>();
        List<String> block = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            String t = collapseSpaces(line);
            if (t.isEmpty()) {
                flush(block, out);
            } else {
                block.add(t);
            }
        }
        flush(block, out);
        return out;
    }

    /** Adds a block of consecutive lines: one paragraph per line, or one paragraph if the block is hard-wrapped. */
    private static void flush(List<String> block, List<String> out) {
        if (block.isEmpty()) return;
        if (isHardWrapped(block)) out.add(String.join(" ", block));
        else out.addAll(block);
        block.clear();
    }

    /**
     * Hard-wrapped text (email, plain-text wires) breaks lines mid-sentence at a fixed width: most lines are
     * 40..100 chars and end without sentence punctuation. News pages put one paragraph per line instead.
     */
    static boolean isHardWrapped(List<String> block) {
        if (block.size() < 3) return false;
        int wrapped = 0;
        for (int i = 0; i < block.size() - 1; i++) {
            String l = block.get(i);
            char last = l.charAt(l.length() - 1);
            boolean midSentence = Character.isLetterOrDigit(last) || last == ',' || last == '-' || last == ';';
            if (midSentence && l.length() >= 40 && l.length() <= 100) wrapped++;
        }
        return wrapped * 10 >= (block.size() - 1) * 7;
    }

    private static boolean matchesWhole(Pattern p, String s) {
        return p != null && p.matcher(s).matches();
    }

    private static boolean findAny(Rule[] rules, String paragraph, String lower) {
        for (Rule r : rules) if (r.find(paragraph, lower)) return true;
        return false;
    }

    /** Collapses runs of whitespace (including no-break and zero-width spaces) to one space, and strips. */
    static String collapseSpaces(String line) {
        if (isCollapsed(line)) return line; // most lines of clean text: no copy
        StringBuilder sb = new StringBuilder(line.length());
        boolean space = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (isSpaceLike(c)) {
                space = true;
            } else {
                if (space && !sb.isEmpty()) sb.append(' ');
                space = false;
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Whether {@link #collapseSpaces} would return {@code line} unchanged: no space-like char other than single
     * ASCII spaces between other chars.
     */
    private static boolean isCollapsed(String line) {
        int n = line.length();
        if (n == 0) return true;
        if (line.charAt(0) == ' ' || line.charAt(n - 1) == ' ') return false;
        boolean prevSpace = false;
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (c == ' ') {
                if (prevSpace) return false;
                prevSpace = true;
            } else if (c > ' ' && c < 127) {
                prevSpace = false; // printable ASCII other than space: never space-like
            } else if (isSpaceLike(c)) {
                return false;
            } else {
                prevSpace = false;
            }
        }
        return true;
    }

    private static boolean isSpaceLike(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
    }
}
