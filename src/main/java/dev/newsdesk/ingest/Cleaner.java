package dev.newsdesk.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}\\u200B\\uFEFF]+");

    private final BoilerplateRules rules;

    public Cleaner() {
        this(BoilerplateRules.defaults());
    }

    public Cleaner(BoilerplateRules rules) {
        this.rules = rules;
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
            if (before >= total - before && matchesWhole(rules.trailer(), p)) break; // trailer: rest is furniture
            before += p.length();
            if (isBoilerplate(p)) continue;
            if (!kept.isEmpty() && kept.getLast().equals(p)) continue; // a line repeated back to back
            if (matchesAny(rules.caption(), p) && !captions.add(p)) continue; // caption seen before
            kept.add(p);
        }
        return kept;
    }

    /** Whether a (normalised) paragraph is a label or an appeal that {@link #clean} drops. */
    boolean isBoilerplate(String paragraph) {
        return matchesWhole(rules.label(), paragraph)
                || paragraph.length() <= MAX_DROPPED_PARAGRAPH_CHARS && matchesAny(rules.drop(), paragraph);
    }

    /** Whether a normalised paragraph is a stand-alone label such as a dateline or a section name. */
    boolean isLabel(String paragraph) {
        return matchesWhole(rules.label(), paragraph);
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
            String t = SPACES.matcher(line).replaceAll(" ").strip();
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

    private static boolean matchesWhole(List<Pattern> patterns, String s) {
        for (Pattern p : patterns) if (p.matcher(s).matches()) return true;
        return false;
    }

    private static boolean matchesAny(List<Pattern> patterns, String s) {
        for (Pattern p : patterns) if (p.matcher(s).find()) return true;
        return false;
    }
}
