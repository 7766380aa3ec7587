package dev.newsdesk.cli;

import java.io.UncheckedIOException;

/** Turns an exception into the one line a user sees: its own message when it has one worth reading. */
final class Errors {
    private Errors() {}

    static String describe(Throwable ex) {
        Throwable t = ex;
        if (t instanceof UncheckedIOException u && u.getCause() != null && u.getMessage() == null) t = u.getCause();
        String msg = t.getMessage();
        if (msg == null || msg.isBlank()) {
            return "unexpected " + t.getClass().getSimpleName() + "; run with NEWSDESK_LOG_LEVEL=debug for details";
        }
        return msg;
    }
}
