package dev.newsdesk.ingest;

/**
 * A file, record or document that cannot become an article; the message is the one-line reason given to the sink
 * (or to the caller of {@link DocumentReader}).
 */
public final class BadInputException extends Exception {
    BadInputException(String reason) {
        super(reason, null, false, false); // expected and reported, so no stack trace is needed
    }
}
