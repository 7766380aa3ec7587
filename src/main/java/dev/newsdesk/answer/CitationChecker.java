package dev.newsdesk.answer;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;
import dev.newsdesk.retrieve.Hit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a chat model's answer against the numbered sources it was given, sentence by sentence.
 *
 * <p>For each sentence: citation markers ({@code [2]}, {@code [1, 3]}, {@code [1][3]}) are parsed and numbers
 * that name no source are removed; the sentence is <em>supported</em> when at least one cited passage scores
 * at least {@link #threshold()} (see {@link #support(String, String)}) and every quotation of four or more words
 * appears verbatim in a cited passage. A sentence without a valid citation is unsupported. Unsupported
 * sentences are dropped ({@link Mode#DROP}) or kept behind a marker ({@link Mode#MARK}). The surviving
 * citations are renumbered 1..m in order of first use.
 *
 * <p>The threshold was tuned on {@code src/test/resources/answer/support-pairs.jsonl} (labelled
 * sentence/passage pairs); {@code CitationCheckerThresholdTest} prints precision and recall at the default.
 * Thread-safe when the embedding model is (the in-process ONNX models are).
 */
public final class CitationChecker {
    /** What happens to a sentence no cited passage supports. */
    public enum Mode { DROP, MARK }

    /** Default threshold when an embedding model is used (lexical and embedding scores blended). */
    public static final double DEFAULT_THRESHOLD = 0.675;
    /** Default threshold for lexical-only checking (no embedding model). */
    public static final double LEXICAL_THRESHOLD = 0.70;
    /** Shortest quotation, in words, that must be found verbatim. */
    public static final int MIN_QUOTE_WORDS = 4;
    /** Weight of lexical recall in the blended score; the rest is embedding similarity. */
    static final double LEXICAL_WEIGHT = 0.6;
    /** Factor applied per capitalised name of the sentence that the passage lacks. */
    static final double NAME_PENALTY = 0.7;
    /** Prefix of a kept-but-unsupported sentence in {@link Mode#MARK}. */
    public static final String UNSUPPORTED_MARK = "(unverified) ";

    private static final Pattern MARKER = Pattern.compile("\\[\\s*(\\d{1,3}(?:\\s*[,;]\\s*\\d{1,3})*)\\s*]");
    private static final Pattern LEADING_MARKERS = Pattern.compile("^(?:\\s*\\[\\s*\\d{1,3}(?:\\s*[,;]\\s*\\d{1,3})*\\s*])+");

    private final EmbeddingModel embeddings;
    private final double threshold;
    private final Mode mode;

    /** Default threshold for the given model (null: lexical only), dropping unsupported sentences. */
    public CitationChecker(EmbeddingModel embeddings) {
        this(embeddings, embeddings == null ? LEXICAL_THRESHOLD : DEFAULT_THRESHOLD, Mode.DROP);
    }

    /**
     * @param embeddings in-process embedding model (e.g. AllMiniLmL6V2QuantizedEmbeddingModel), or null for
     *                   lexical-only scoring
     * @param threshold minimum support score in [0, 1]
     */
    public CitationChecker(EmbeddingModel embeddings, double threshold, Mode mode) {
        if (threshold < 0 || threshold > 1) throw new IllegalArgumentException("threshold " + threshold + " is outside 0..1");
        this.embeddings = embeddings;
        this.threshold = threshold;
        this.mode = mode == null ? Mode.DROP : mode;
    }

    public double threshold() {
        return threshold;
    }

    public Mode mode() {
        return mode;
    }

    /**
     * The outcome of checking one answer.
     *
     * @param text the answer text made of kept sentences with renumbered markers; empty when nothing survived
     * @param citations the passages cited by kept sentences, numbered 1..m in order of first use
     * @param sentences one check per sentence of the model's answer, in order; numbers are in the
     *                  {@code citations} numbering (a number whose passage is not in {@code citations}, e.g.
     *                  a dropped sentence's, is left out)
     * @param supported how many sentences were supported
     * @param removedNumbers citation numbers the model used that name no source
     */
    public record Result(String text, List<Citation> citations, List<Answer.SentenceCheck> sentences, int supported,
                         List<Integer> removedNumbers) {
        public Result {
            citations = List.copyOf(citations);
            sentences = List.copyOf(sentences);
            removedNumbers = List.copyOf(removedNumbers);
        }

        public int total() {
            return sentences.size();
        }
    }

    private record Parsed(String clean, List<Integer> cited, List<Integer> invalid) {}

    private record Scored(String clean, List<Integer> valid, boolean supported, double support,
                          List<Integer> supportedBy) {}

    /**
     * Checks {@code answerText} against {@code sources}, where source {@code i} (0-based) was shown to the
     * model as number {@code i + 1}.
     */
    public Result check(String answerText, List<Hit> sources) {
        List<String> raw = attachLeadingMarkers(TextSupport.sentences(answerText == null ? "" : answerText));
        Map<String, Embedding> cache = new HashMap<>();
        List<Scored> scored = new ArrayList<>();
        Set<Integer> removed = new LinkedHashSet<>();
        for (String sentence : raw) {
            Parsed p = parse(sentence, sources.size());
            removed.addAll(p.invalid());
            if (p.clean().isBlank()) continue;
            scored.add(score(p, sources, cache));
        }

        Map<Integer, Integer> renumber = new LinkedHashMap<>(); // source number -> answer number
        StringBuilder text = new StringBuilder();
        int supportedCount = 0;
        for (Scored s : scored) {
            if (s.supported()) supportedCount++;
            boolean keep = s.supported() || mode == Mode.MARK;
            if (!keep) continue;
            List<Integer> shown = s.supported() ? s.supportedBy() : s.valid();
            StringBuilder markers = new StringBuilder();
            for (int n : shown) {
                int m = renumber.computeIfAbsent(n, k -> renumber.size() + 1);
                markers.append('[').append(m).append(']');
            }
            if (!text.isEmpty()) text.append(' ');
            text.append(s.supported() ? "" : UNSUPPORTED_MARK).append(withMarkers(s.clean(), markers.toString()));
        }

        List<Citation> citations = new ArrayList<>();
        renumber.forEach((sourceNumber, answerNumber) -> citations.add(citation(answerNumber, sources.get(sourceNumber - 1))));
        List<Answer.SentenceCheck> checks = new ArrayList<>();
        for (Scored s : scored) {
            checks.add(new Answer.SentenceCheck(s.clean(), mapped(s.valid(), renumber), true, s.supported(),
                    s.support(), mapped(s.supportedBy(), renumber)));
        }
        return new Result(text.toString(), citations, checks, supportedCount, List.copyOf(removed));
    }

    /**
     * Support of one sentence by one passage, in [0, 1]: content-word recall of the sentence's stems in the
     * passage, blended with the best embedding cosine between the sentence and a passage sentence (when an
     * embedding model is present), then halved when the sentence states a number the passage lacks and
     * multiplied by {@value #NAME_PENALTY} for each capitalised name the passage lacks. Markers and quotation checks are not involved.
     */
    public double support(String sentence, String passage) {
        return support(sentence, passage, new HashMap<>());
    }

    private double support(String sentence, String passage, Map<String, Embedding> cache) {
        Set<String> words = TextSupport.contentStems(sentence);
        if (words.isEmpty()) return 0;
        Set<String> passageWords = TextSupport.contentStems(passage);
        int found = 0;
        for (String w : words) if (passageWords.contains(w)) found++;
        double lexical = (double) found / words.size();
        double score = lexical;
        if (embeddings != null) {
            Embedding s = embed(sentence, cache);
            double best = 0;
            for (String ps : TextSupport.sentences(passage)) {
                best = Math.max(best, CosineSimilarity.between(s, embed(ps, cache)));
            }
            score = LEXICAL_WEIGHT * lexical + (1 - LEXICAL_WEIGHT) * Math.max(0, best);
        }
        Set<String> passageNumbers = TextSupport.numbers(passage);
        for (String number : TextSupport.numbers(sentence)) {
            if (!passageNumbers.contains(number)) {
                score *= 0.5;
                break;
            }
        }
        for (String name : TextSupport.nameStems(sentence)) {
            if (!TextSupport.containsName(passageWords, name)) score *= NAME_PENALTY;
        }
        return Math.max(0, Math.min(1, score));
    }

    private Embedding embed(String text, Map<String, Embedding> cache) {
        return cache.computeIfAbsent(text, t -> embeddings.embed(t).content());
    }

    private Scored score(Parsed p, List<Hit> sources, Map<String, Embedding> cache) {
        List<Integer> valid = p.cited();
        if (valid.isEmpty()) return new Scored(p.clean(), valid, false, 0, List.of());
        List<String> quotes = TextSupport.quotations(p.clean(), MIN_QUOTE_WORDS);
        for (String quote : quotes) {
            String q = TextSupport.normaliseQuote(quote);
            boolean found = valid.stream().anyMatch(n -> TextSupport.normaliseQuote(sources.get(n - 1).text()).contains(q));
            if (!found) return new Scored(p.clean(), valid, false, 0, List.of());
        }
        double best = 0;
        List<Integer> supportedBy = new ArrayList<>();
        for (int n : valid) {
            double s = support(p.clean(), sources.get(n - 1).text(), cache);
            best = Math.max(best, s);
            if (s >= threshold) supportedBy.add(n);
        }
        return new Scored(p.clean(), valid, !supportedBy.isEmpty(), best, List.copyOf(supportedBy));
    }

    /** Extracts markers, keeping valid numbers (1..sources) once each in order, and removes them from the text. */
    private static Parsed parse(String sentence, int sources) {
        Set<Integer> cited = new LinkedHashSet<>();
        List<Integer> invalid = new ArrayList<>();
        Matcher m = MARKER.matcher(sentence);
        while (m.find()) {
            for (String part : m.group(1).split("[,;]")) {
                int n = Integer.parseInt(part.strip());
                if (n >= 1 && n <= sources) cited.add(n); else invalid.add(n);
            }
        }
        String clean = MARKER.matcher(sentence).replaceAll("")
                .replaceAll("\\s+([.,;:!?])", "$1").replaceAll("\\s{2,}", " ").strip();
        return new Parsed(clean, List.copyOf(cited), invalid);
    }

    /** "A. [1] B." splits as "A.", "[1] B.": the leading marker belongs to the sentence before. */
    private static List<String> attachLeadingMarkers(List<String> sentences) {
        List<String> out = new ArrayList<>();
        for (String s : sentences) {
            Matcher m = LEADING_MARKERS.matcher(s);
            if (m.find() && !out.isEmpty()) {
                out.set(out.size() - 1, out.getLast() + " " + m.group().strip());
                String rest = s.substring(m.end()).strip();
                if (!rest.isEmpty()) out.add(rest);
            } else {
                out.add(s);
            }
        }
        return out;
    }

    /** Puts markers before a final ".", "!" or "?" ("... Gaza [1]."), else at the end. */
    private static String withMarkers(String sentence, String markers) {
        if (markers.isEmpty()) return sentence;
        char last = sentence.charAt(sentence.length() - 1);
        if ((last == '.' || last == '!' || last == '?') && sentence.length() > 1) {
            return sentence.substring(0, sentence.length() - 1).stripTrailing() + " " + markers + last;
        }
        return sentence + " " + markers;
    }

    private static List<Integer> mapped(List<Integer> sourceNumbers, Map<Integer, Integer> renumber) {
        return sourceNumbers.stream().filter(renumber::containsKey).map(renumber::get).toList();
    }

    static Citation citation(int n, Hit hit) {
        return new Citation(n, hit.articleId(), hit.passageId(), hit.outlet(), hit.title(), hit.published(), hit.url(),
                hit.text(), hit.start(), hit.end());
    }
}
