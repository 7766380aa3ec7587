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
        int start = -1;
        int end = -1;
        int tokens = 0;
        for (Span s : pieces) {
            int t = TokenCounter.count(body, s.start(), s.end());
            boolean fits = tokens + t <= maxTokens;
            if (start >= 0 && !fits) {
                out.add(passage(article.id(), out.size(), body, start, end));
                start = -1;
                tokens = 0;
            }
            if (start < 0) start = s.start();
            end = s.end();
            tokens += t;
        }
        if (start >= 0) out.add(passage(article.id(), out.size(), body, start, end));
        return out;
    }

    private static Passage passage(String articleId, int ordinal, String body, int start, int end) {
        return new Passage(null, articleId, ordinal, start, end, body.substring(start, end));
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
