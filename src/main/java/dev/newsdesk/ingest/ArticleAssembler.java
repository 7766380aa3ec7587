package dev.newsdesk.ingest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Turns a {@link RawRecord} into an {@link Article}: cleans the body, fills in id, title, outlet and date by the
 * documented fallbacks, and rejects records that end up without text. What the record says comes first; the
 * {@link DocumentContext}'s hints (a fetched page's URL, outlet and fetch date) only fill what it leaves empty, and
 * a file's context has none. Immutable and thread-safe.
 */
final class ArticleAssembler {
    private static final int FALLBACK_TITLE_WORDS = 16;
    private static final int HEADLINE_SCAN = 4;

    private final Cleaner cleaner;
    private final SentenceSplitter splitter = new SentenceSplitter();
    private final IngestLimits limits;

    ArticleAssembler(Cleaner cleaner, IngestLimits limits) {
        this.cleaner = cleaner;
        this.limits = limits;
    }

    /**
     * @param context where the record came from: its source, the id of a one-article input, the key hashed into
     *                record ids, and the hints used when the record has no URL, outlet or date of its own
     * @param index 0-based record index within the input, or -1 for a one-article input
     */
    Article assemble(RawRecord raw, DocumentContext context, int index) throws BadInputException {
        String where = index < 0 ? "" : "record #" + index + ": ";
        String rawBody = raw.body();
        if (rawBody == null || rawBody.isBlank()) {
            throw new BadInputException(where + "no article text (empty body); add the text or remove the "
                    + (index < 0 ? "file" : "record"));
        }
        if (rawBody.length() > limits.maxArticleChars()) {
            throw new BadInputException(where + "article is " + rawBody.length() + " chars, over the limit of "
                    + limits.maxArticleChars() + "; split it or raise maxArticleChars");
        }
        List<String> paragraphs = new ArrayList<>(cleaner.cleanParagraphs(rawBody));
        String title = blankToNull(raw.title());
        if (title == null) title = headline(cleaner.paragraphs(rawBody));
        if (title != null) dropHeadline(paragraphs, title);
        String body = String.join("\n\n", paragraphs);
        if (body.isBlank()) {
            throw new BadInputException(where + "no article text after cleaning (only boilerplate); remove the "
                    + (index < 0 ? "file" : "record") + " or check the boilerplate rules");
        }
        if (title == null) title = firstSentence(body);
        if (title == null) title = context.name();

        String id = blankToNull(raw.id());
        if (id == null) id = index < 0 ? context.name() : stableHash(context.idKey() + "#" + index);
        String url = blankToNull(raw.url());
        if (url == null) url = context.url();
        String outlet = blankToNull(raw.outlet());
        if (outlet == null) outlet = blankToNull(context.outletHint()); // a page's source name, or ingest --outlet
        if (outlet == null) outlet = hostOf(url);
        // Best first: the record's metadata, a dateline in the text, the URL's path, then crawl dates last.
        var published = Dates.parse(raw.published());
        if (published == null) published = raw.textDate();
        if (published == null) published = UrlDates.of(url);
        if (published == null) published = Dates.parse(raw.crawled());
        if (published == null && context.fetched() != null) {
            published = LocalDate.ofInstant(context.fetched(), ZoneOffset.UTC);
        }
        String source = context.source();
        return new Article(id.strip(), title, outlet, published, url, blankToNull(raw.author()),
                blankToNull(raw.category()), body, index < 0 ? source : source + "#" + index, List.of());
    }

    /**
     * A headline among the leading paragraphs: a short line without sentence punctuation at its end. When a
     * dateline follows several such lines (a caption or kicker, the headline, the date), the one nearest the
     * date is the headline; otherwise the first one is.
     */
    private String headline(List<String> rawParagraphs) {
        List<String> candidates = new ArrayList<>();
        int seen = 0;
        for (String p : rawParagraphs) {
            if (cleaner.isBoilerplate(p) && Dates.fromDateline(p) == null) continue;
            if (Dates.fromDateline(p) != null) return candidates.isEmpty() ? null : candidates.getLast();
            if (!headlineLike(p) || ++seen > HEADLINE_SCAN) break;
            candidates.add(p);
        }
        return candidates.isEmpty() ? null : candidates.getFirst();
    }

    static boolean headlineLike(String p) {
        if (p.length() < 10 || p.length() > 200) return false;
        int words = p.split(" ").length;
        if (words < 3 || words > 30) return false;
        char last = p.charAt(p.length() - 1);
        if (".:;,".indexOf(last) >= 0) return false;
        char first = p.charAt(0);
        return Character.isUpperCase(first) || Character.isDigit(first) || "‘“\"'".indexOf(first) >= 0;
    }

    /** Drops a leading paragraph that repeats the title, so the headline is not indexed twice. */
    private static void dropHeadline(List<String> paragraphs, String title) {
        String t = comparable(title);
        for (int i = 0; i < Math.min(HEADLINE_SCAN, paragraphs.size()); i++) {
            if (asciiLettersOrDigitsOver(paragraphs.get(i), t.length())) continue; // a body paragraph, not the title
            if (comparable(paragraphs.get(i)).equals(t)) {
                paragraphs.remove(i);
                return;
            }
        }
    }

    /**
     * Lower case, letters and digits only: curly and straight quotes or spacing differences do not matter. The same
     * as {@code s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "")}, written as a loop because that
     * compiled a regex per call and ran on the first paragraphs of every article: 19% of ingest's CPU on BBC.
     */
    static String comparable(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            if (isLetterOrNumber(cp)) sb.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    /**
     * Whether {@code s} has more than {@code limit} ASCII letters and digits. Each of them stays exactly one char of
     * {@link #comparable}'s result (lower-casing ASCII is one to one whatever surrounds it), so then the result is
     * longer than {@code limit} and cannot equal a string of that length. Stops reading at the limit, which spares
     * building the comparable form of long body paragraphs.
     */
    static boolean asciiLettersOrDigitsOver(String s, int limit) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                if (++n > limit) return true;
            }
        }
        return false;
    }

    /** Regex {@code \\p{L}} or {@code \\p{N}}: the general categories L* and N* (wider than isLetterOrDigit). */
    private static boolean isLetterOrNumber(int cp) {
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                 Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    /** The first sentence, shortened to a title-sized prefix at a word boundary. */
    private String firstSentence(String body) {
        List<Span> sentences = splitter.split(body);
        if (sentences.isEmpty()) return null;
        String s = sentences.getFirst().of(body);
        String[] words = s.split(" ");
        if (words.length <= FALLBACK_TITLE_WORDS) return s;
        return String.join(" ", java.util.Arrays.copyOf(words, FALLBACK_TITLE_WORDS)).replaceAll("[,;:]$", "") + " …";
    }

    /** "https://www.theverge.com/x" → "theverge.com"; "unknown" when there is no usable URL. */
    static String hostOf(String url) {
        if (url == null) return "unknown";
        try {
            String host = URI.create(url.strip()).getHost();
            if (host == null || host.isBlank()) return "unknown";
            host = host.toLowerCase(Locale.ROOT);
            return host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            return "unknown"; // a malformed URL is kept as written, it just cannot name the outlet
        }
    }

    /** 16 hex chars (64 bits) of SHA-256: collisions are negligible below billions of records. */
    static String stableHash(String key) {
        byte[] digest = ContentHash.sha256().digest(key.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 8);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
