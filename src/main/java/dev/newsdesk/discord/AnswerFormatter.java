package dev.newsdesk.discord;

import dev.newsdesk.answer.Answer;
import dev.newsdesk.answer.Citation;
import dev.newsdesk.retrieve.ArticleView;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns answers and citations into text that fits Discord's limits. Pure functions of their input: no JDA
 * types, no I/O, thread-safe; unit-tested on their own.
 *
 * <p>Two shapes are offered: {@link #embedDescription(Answer)} (answer plus sources in one embed description,
 * at most {@value #EMBED_DESCRIPTION_LIMIT} characters, preferred: links inside embeds get no previews) and
 * {@link #messages(Answer)} (plain messages under {@value #CONTENT_LIMIT} characters, split at paragraph, then
 * sentence, then word boundaries; the sources list always starts a message of its own and is only ever split
 * between two source lines).
 *
 * <p>All text coming from articles or users passes through {@link #neutralise(String)}: "@everyone",
 * "@here" and user/role mentions ({@code <@123>}, {@code <@&123>}) get a zero-width space so they cannot ping even
 * if allowed mentions were misconfigured, and Markdown masked links ({@code [text](http://...)}) are escaped so an
 * article cannot show one address and link another.
 */
public final class AnswerFormatter {
    public static final int CONTENT_LIMIT = 2000;
    public static final int EMBED_DESCRIPTION_LIMIT = 4096;
    public static final int EMBED_TITLE_LIMIT = 256;
    public static final int EMBED_TOTAL_LIMIT = 6000;
    public static final int BUTTON_LABEL_LIMIT = 80;
    /** Discord allows 5 buttons per row and 5 rows per message. */
    public static final int MAX_SOURCE_BUTTONS = 25;
    static final String SOURCES_HEADER = "**Sources**";
    static final String ABSTAIN_PREFIX = "I could not find an answer to this in the coverage.";
    private static final char ZWSP = '\u200b';
    private static final Pattern MASS_MENTION = Pattern.compile("@(everyone|here)");
    private static final Pattern QUOTE_MARKS = Pattern.compile("['\"\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u2032\u2033\u00ab\u00bb]");
    private static final int HEADLINE_LIMIT = 150;
    private static final int CONTEXT_CHARS = 400;

    private AnswerFormatter() {}

    /**
     * Breaks "@everyone", "@here" and user/role mentions with a zero-width space ({@link dev.newsdesk.answer.Mentions})
     * and escapes Markdown masked links; everything else unchanged. Idempotent, null-safe.
     */
    public static String neutralise(String text) {
        if (text == null) return "";
        String t = dev.newsdesk.answer.Mentions.neutralise(MASS_MENTION.matcher(text).replaceAll("@" + ZWSP + "$1"));
        return t.indexOf("](") < 0 ? t : MASKED_LINK.matcher(t).replaceAll("\\\\[$1\\\\]$2");
    }

    /**
     * A Markdown masked link, {@code [text](url)}: Discord shows only "text" as a link in embeds, so an article could
     * dress up any address. Escaped, it reads as written and the real address is what gets linked.
     */
    static final Pattern MASKED_LINK = Pattern.compile("(?<!\\\\)\\[([^\\[\\]\\n]*)\\](\\(\\s*<?[a-zA-Z][a-zA-Z0-9+.-]*:)");

    /** True when {@code text} holds a Markdown masked link that is not escaped. */
    public static boolean hasMaskedLink(String text) {
        return text != null && MASKED_LINK.matcher(text).find();
    }

    /** "[n] Outlet — Headline (date) <url>"; the link is wrapped in angle brackets so no preview unfurls. */
    public static String sourceLine(Citation c) {
        StringBuilder sb = new StringBuilder();
        sb.append('[').append(c.n()).append("] ").append(neutralise(oneLine(c.outlet()))).append(" — ")
                .append(neutralise(shorten(oneLine(c.title()), HEADLINE_LIMIT)));
        if (c.published() != null) sb.append(" (").append(c.published()).append(')');
        if (c.url() != null && !c.url().isBlank()) sb.append(" <").append(oneLine(c.url()).strip()).append('>');
        return shorten(sb.toString(), CONTENT_LIMIT - SOURCES_HEADER.length() - 1);
    }

    /**
     * {@link #sourceLine} plus, for an http(s) article, a second link that opens the article at the quoted words and
     * highlights them ({@code #:~:text=}, {@link dev.newsdesk.answer.TextFragments}).
     */
    public static String sourceLineWithQuoteLink(Citation c) {
        String line = sourceLine(c);
        if (c.url() == null || c.url().isBlank()) return line;
        String url = oneLine(c.url()).strip();
        String quoted = dev.newsdesk.answer.TextFragments.link(url, c.quote());
        if (quoted.equals(url)) return line;
        String withQuote = line + " · quote: <" + quoted + ">";
        return withQuote.length() <= CONTENT_LIMIT - SOURCES_HEADER.length() - 1 ? withQuote : line;
    }

    public static List<String> sourceLines(Answer answer) {
        return answer.citations().stream().map(AnswerFormatter::sourceLine).toList();
    }

    /**
     * {@code line} plus the web reader's link to the quoted span (web.base-url set), when it still fits: it opens
     * every citation, also those whose article has no URL. {@code readerBase} null leaves the line as it is.
     */
    static String withReaderLink(String line, Citation c, String readerBase) {
        if (readerBase == null) return line;
        String withReader = line + " · read: <" + dev.newsdesk.answer.ReaderLink.of(readerBase, c) + ">";
        return withReader.length() <= CONTENT_LIMIT - SOURCES_HEADER.length() - 1 ? withReader : line;
    }

    /**
     * The source lines of an embed ({@link #sourcesBlock}), each with its quote link. Plain messages
     * ({@link #messages}) keep the shorter {@link #sourceLines}: there every character counts against
     * {@value #CONTENT_LIMIT}, and a sources list should stay one message.
     */
    public static List<String> quoteLinkedSourceLines(Answer answer) {
        return answer.citations().stream().map(AnswerFormatter::sourceLineWithQuoteLink).toList();
    }

    /** "**Google.** [1][2]": the lead in bold with its citation markers, or "" without a lead. */
    public static String leadLine(Answer answer) {
        if (answer.lead() == null || answer.abstained()) return "";
        StringBuilder sb = new StringBuilder("**").append(oneLine(answer.lead().text()).replaceAll("([*_~`|\\\\])", "\\\\$1"))
                .append("**");
        sb.append(answer.lead().withMarkers().substring(answer.lead().text().length()));
        return sb.toString();
    }

    /** The lead in bold on the first line (when there is one), the answer's text, abstention and note stated plainly, neutralised. */
    public static String body(Answer answer) {
        StringBuilder sb = new StringBuilder();
        String lead = leadLine(answer);
        if (!lead.isEmpty()) sb.append(lead).append("\n\n");
        String text = answer.text() == null ? "" : answer.text().strip();
        if (answer.abstained() && !text.toLowerCase().contains("could not") && !text.toLowerCase().contains("couldn't")) {
            sb.append(ABSTAIN_PREFIX).append("\n\n");
        }
        sb.append(text.isEmpty() && !answer.abstained() ? "(empty answer)" : text);
        if (answer.abstained() && !answer.citations().isEmpty()) sb.append("\n\nClosest coverage:");
        if (answer.note() != null && !answer.note().isBlank()) sb.append("\n\n*").append(answer.note().strip()).append('*');
        return neutralise(sb.toString().strip());
    }

    /**
     * The sources block of an embed ("**Sources**" then one line per citation, with a link to the quoted words), or ""
     * without citations.
     */
    public static String sourcesBlock(Answer answer) {
        return sourcesBlock(answer, null);
    }

    /** {@link #sourcesBlock(Answer)} with each line's reader link when {@code readerBase} is set. */
    public static String sourcesBlock(Answer answer, String readerBase) {
        if (answer.citations().isEmpty()) return "";
        return SOURCES_HEADER + "\n" + String.join("\n", answer.citations().stream()
                .map(c -> withReaderLink(sourceLineWithQuoteLink(c), c, readerBase)).toList());
    }

    /**
     * Answer text and sources for one embed description, or null when they do not fit in
     * {@value #EMBED_DESCRIPTION_LIMIT} characters (then use {@link #messages(Answer)}).
     */
    public static String embedDescription(Answer answer) {
        return embedDescription(answer, null);
    }

    /** {@link #embedDescription(Answer)} with reader links when {@code readerBase} (web.base-url) is set. */
    public static String embedDescription(Answer answer, String readerBase) {
        String sources = sourcesBlock(answer, readerBase);
        String all = sources.isEmpty() ? body(answer) : body(answer) + "\n\n" + sources;
        return all.length() <= EMBED_DESCRIPTION_LIMIT ? all : null;
    }

    /** The answer as plain messages, each at most {@value #CONTENT_LIMIT} characters; sources start their own. */
    public static List<String> messages(Answer answer) {
        return messages(answer, CONTENT_LIMIT);
    }

    /** {@link #messages(Answer)} with reader links when {@code readerBase} (web.base-url) is set. */
    public static List<String> messages(Answer answer, String readerBase) {
        return messages(answer, CONTENT_LIMIT, readerBase);
    }

    static List<String> messages(Answer answer, int limit) {
        return messages(answer, limit, null);
    }

    static List<String> messages(Answer answer, int limit, String readerBase) {
        List<String> out = new ArrayList<>(split(body(answer), limit));
        List<String> lines = answer.citations().stream().map(c -> withReaderLink(sourceLine(c), c, readerBase)).toList();
        if (!lines.isEmpty()) {
            StringBuilder cur = new StringBuilder(SOURCES_HEADER);
            for (String line : lines) {
                String l = shorten(line, limit - 1);
                if (cur.length() + 1 + l.length() > limit) {
                    out.add(cur.toString());
                    cur = new StringBuilder();
                }
                if (!cur.isEmpty()) cur.append('\n');
                cur.append(l);
            }
            out.add(cur.toString());
        }
        return List.copyOf(out);
    }

    /**
     * Splits text into pieces of at most {@code limit} characters, preferring paragraph breaks, then line breaks,
     * then sentence ends, then spaces; only a single word longer than the limit is cut hard.
     */
    public static List<String> split(String text, int limit) {
        if (limit < 10) throw new IllegalArgumentException("limit " + limit + " is too small to split text into");
        List<String> out = new ArrayList<>();
        String rest = text == null ? "" : text.strip();
        while (rest.length() > limit) {
            int cut = cutPoint(rest, limit);
            String head = rest.substring(0, cut).stripTrailing();
            if (!head.isEmpty()) out.add(head);
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isEmpty()) out.add(rest);
        return out;
    }

    private static int cutPoint(String s, int limit) {
        String window = s.substring(0, limit + 1 > s.length() ? s.length() : limit + 1);
        int min = limit / 4; // do not produce tiny pieces just to honour a boundary
        int p = window.lastIndexOf("\n\n");
        if (p >= min) return p;
        p = window.lastIndexOf('\n');
        if (p >= min) return p;
        Matcher m = Pattern.compile("[.!?][\"')\\]]*(?:\\[\\d+])*\\s").matcher(window);
        int best = -1;
        while (m.find()) if (m.end() - 1 <= limit && m.end() - 1 >= min) best = m.end() - 1;
        if (best >= min) return best;
        p = window.lastIndexOf(' ');
        if (p >= min) return p;
        // Never split a surrogate pair.
        return Character.isLowSurrogate(s.charAt(limit)) ? limit - 1 : limit;
    }

    /**
     * What /cite shows: the quoted span in bold inside up to {@value #CONTEXT_CHARS} characters of surrounding
     * article text on each side, then headline, outlet, date and link. Fits an embed description.
     *
     * @param article the cited article, or null when it is no longer in the index (then only the quote is shown)
     */
    public static String citationDetail(Citation c, ArticleView article) {
        StringBuilder sb = new StringBuilder();
        sb.append("**[").append(c.n()).append("] ").append(neutralise(oneLine(c.title()))).append("**\n");
        sb.append(neutralise(oneLine(c.outlet())));
        if (c.published() != null) sb.append(" · ").append(c.published());
        if (c.url() != null && !c.url().isBlank()) sb.append(" · <").append(oneLine(c.url()).strip()).append('>');
        sb.append("\n\n");
        String body = article == null ? null : article.body();
        String quote = neutralise(c.quote().strip());
        if (body != null && c.start() >= 0 && c.end() <= body.length() && c.start() <= c.end()) {
            int from = wordStart(body, Math.max(0, c.start() - CONTEXT_CHARS));
            int to = wordEnd(body, Math.min(body.length(), c.end() + CONTEXT_CHARS));
            String before = body.substring(from, c.start());
            String after = body.substring(c.end(), to);
            sb.append("> ").append(from > 0 ? "…" : "").append(quoteLines(neutralise(before)))
                    .append("**").append(quoteLines(neutralise(body.substring(c.start(), c.end())).strip())).append("**")
                    .append(quoteLines(neutralise(after))).append(to < body.length() ? "…" : "");
        } else {
            sb.append("> ").append(quoteLines(quote));
            if (article == null) sb.append("\n\n*The article is no longer in the index; showing the quoted span only.*");
        }
        return shorten(sb.toString(), EMBED_DESCRIPTION_LIMIT);
    }

    /** Label for the button revealing citation n. */
    public static String buttonLabel(Citation c) {
        return shorten("Source " + c.n(), BUTTON_LABEL_LIMIT);
    }

    /**
     * Lower-cases, collapses whitespace to single spaces and makes all quote marks (straight, typographic,
     * primes) the same character; used to decide whether a quote occurs in a text "exactly".
     */
    public static String normaliseForMatch(String s) {
        if (s == null) return "";
        // Every quote mark becomes '"': outlets nest and typeset quotes differently ('…', "…", ‘…’, “…”).
        String t = QUOTE_MARKS.matcher(s).replaceAll("\"").replace('\u2013', '-').replace('\u2014', '-')
                .replace('\u00a0', ' ');
        return t.replaceAll("\\s+", " ").strip().toLowerCase(java.util.Locale.ROOT);
    }

    static String shorten(String s, int max) {
        if (s == null) return "";
        if (s.length() <= max) return s;
        int cut = max - 1;
        if (Character.isLowSurrogate(s.charAt(cut))) cut--;
        return s.substring(0, cut) + "…";
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    private static String quoteLines(String s) {
        return s.replace("\n", "\n> ");
    }

    private static int wordStart(String body, int i) {
        if (i == 0) return 0;
        int sp = body.indexOf(' ', i);
        return sp < 0 || sp - i > 40 ? i : sp + 1;
    }

    private static int wordEnd(String body, int i) {
        if (i >= body.length()) return body.length();
        int sp = body.lastIndexOf(' ', i);
        return sp < 0 || i - sp > 40 ? i : sp;
    }
}
