package dev.newsdesk.ingest;

/**
 * A half-open char range {@code [start, end)} of some text, e.g. one sentence found by {@link SentenceSplitter}.
 */
public record Span(int start, int end) {
    public Span {
        if (start < 0 || end < start) throw new IllegalArgumentException("bad span [" + start + "," + end + ")");
    }

    public int length() {
        return end - start;
    }

    public String of(CharSequence text) {
        return text.subSequence(start, end).toString();
    }
}
