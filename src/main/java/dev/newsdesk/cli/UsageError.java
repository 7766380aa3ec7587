package dev.newsdesk.cli;

/**
 * A problem with what the user typed that only shows once the index is open (an outlet it does not hold): exit status
 * 2 like picocli's own usage errors, and the message, which names the value and the fix, is all the user sees.
 */
final class UsageError extends IllegalArgumentException {
    UsageError(String message) {
        super(message);
    }
}
