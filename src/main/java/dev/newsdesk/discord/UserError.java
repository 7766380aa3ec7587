package dev.newsdesk.discord;

/** A problem with what the user typed: its message is shown to them as is, so it names the value and the fix. */
final class UserError extends IllegalArgumentException {
    UserError(String message) {
        super(message);
    }
}
