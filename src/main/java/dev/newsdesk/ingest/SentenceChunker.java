package dev.newsdesk.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Packs whole sentences into passages of at most {@code maxTokens} tokens, as counted by {@link TokenCounter}
 * (a token is a run of letters, a run of digits, or one other non-space char: roughly a BERT basic-tokenizer token
 * before word pieces).
 *
 * <p>Rules, in order: a sentence is never split unless it alone exceeds the limit (then it is cut at word
 * boundaries, or mid-word only for a single "word" longer than the limit, such as a huge URL); a passage takes
 * sentences until the next one would not fit, across paragraph breaks. Ending passages at paragraph breaks (an
 * earlier rule) made a third more, shorter passages that each carried less context and ranked worse on MultiHop-RAG
 * (docs/benchmarks.md): news paragraphs are often one or two sentences, so the break says little about topic. Passage text is exactly {@code body.substring(start, end)} and
 * ordinals run 0..n-1. Whitespace carries no tokens, so a passage's count is the sum of its sentences' counts.
 *
 * <p>Immutable and thread-safe.
 */
public final class SentenceChunker implements Chunker {
    public static final int DEFAULT_MAX_TOKENS = 256;

    private final int maxTokens;
    private final SentenceSplitter splitter = new SentenceSplitter();

    public SentenceChunker() {
        this(DEFAULT_MAX_TOKENS);
    }

    public SentenceChunker(int maxTokens) {
        if (maxTokens < 8) {
            throw new IllegalArgumentException("maxTokens must be at least 8, was " + maxTokens
                    + "; passages that small cannot hold a sentence");
        }
        this.maxTokens = maxTokens;
    }

    public int maxTokens() {
        return maxTokens;
    }

    /** Tokens in {@code text} by the measure above. */
    public static int countTokens(CharSequence text) {
        return TokenCounter.count(text);
    }

    @Override
    public List<Passage> chunk(Article article) {
        String body = article.body();
        List<Span> pieces = new ArrayList<>();
        for (Span s : splitter.split(body)) {
            if (TokenCounter.count(body, s.start(), s.end()) <= maxTokens) pieces.add(s);
            else pieces.addAll(cutLongSentence(body, s));
        }

        List<Passage> out = new ArrayList<>();
        List<Span> packed = new ArrayList<>();
        int tokens = 0;
        for (Span s : pieces) {
            int t = TokenCounter.count(body, s.start(), s.end());
            if (!packed.isEmpty() && tokens + t > maxTokens) {
                out.add(passage(article.id(), out.size(), body, packed));
                packed.clear();
                tokens = 0;
            }
            packed.add(s);
            tokens += t;
        }
        if (!packed.isEmpty()) out.add(passage(article.id(), out.size(), body, packed));
        return out;
    }

    /** A passage from consecutive sentences (body offsets), which it keeps as offsets into its own text. */
    private static Passage passage(String articleId, int ordinal, String body, List<Span> packed) {
        int start = packed.getFirst().start();
        int end = packed.getLast().end();
        List<Span> sentences = packed.stream().map(s -> new Span(s.start() - start, s.end() - start)).toList();
        return new Passage(null, articleId, ordinal, start, end, body.substring(start, end), sentences);
    }

    /** Cuts one over-long sentence into pieces of at most maxTokens, preferring to cut where whitespace is. */
    private List<Span> cutLongSentence(String body, Span sentence) {
        List<Span> tokens = TokenCounter.tokens(body, sentence.start(), sentence.end());
        List<Span> out = new ArrayList<>();
        int first = 0;
        while (first < tokens.size()) {
            int last = Math.min(first + maxTokens, tokens.size()) - 1; // inclusive
            if (last < tokens.size() - 1) {
                // back off to a token followed by whitespace, so words stay whole
                int k = last;
                while (k > first && tokens.get(k).end() == tokens.get(k + 1).start()) k--;
                if (k > first) last = k;
            }
            out.add(new Span(tokens.get(first).start(), tokens.get(last).end()));
            first = last + 1;
        }
        return out;
    }
}
