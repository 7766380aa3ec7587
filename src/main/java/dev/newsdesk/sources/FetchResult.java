package dev.newsdesk.sources;

/**
 * What one fetch gave.
 *
 * @param url         the URL finally answered (after redirects)
 * @param body        the (decompressed) body for {@link Outcome#OK}, else null
 * @param contentType the response's Content-Type, or null
 * @param validators  the response's ETag and Last-Modified, to send next time
 * @param reason      for SKIPPED and FAILED: one line saying what happened, e.g. "HTTP 404 Not Found"
 */
public record FetchResult(Outcome outcome, String url, int status, byte[] body, String contentType,
                          PollState.Validators validators, String reason) {
    public enum Outcome {
        /** A fresh body. */
        OK,
        /** 304: what was fetched last time still holds. */
        NOT_MODIFIED,
        /** Deliberately not fetched or not kept: robots.txt, a foreign host, a body over the cap. */
        SKIPPED,
        /** The site or the network failed: an HTTP error, a time-out, a redirect loop. */
        FAILED
    }

    static FetchResult skipped(String url, String reason) {
        return new FetchResult(Outcome.SKIPPED, url, 0, null, null, PollState.Validators.NONE, reason);
    }

    static FetchResult failed(String url, int status, String reason) {
        return new FetchResult(Outcome.FAILED, url, status, null, null, PollState.Validators.NONE, reason);
    }
}
