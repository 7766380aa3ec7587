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
            // no class name: it means nothing to a reader; the debug log has the whole trace
            return "an internal error stopped this command; run it again with NEWSDESK_LOG_LEVEL=debug and report what it logs";
        }
        return msg;
    }
}
