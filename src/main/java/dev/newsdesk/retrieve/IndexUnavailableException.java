package dev.newsdesk.retrieve;

/** The index cannot be used; the message names the path and the command that fixes it. */
public final class IndexUnavailableException extends RuntimeException {
    public IndexUnavailableException(String message) {
        super(message);
    }

    public IndexUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
