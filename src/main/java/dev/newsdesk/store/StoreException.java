package dev.newsdesk.store;

/** A store operation failed; the message says what and what to do, without SQL or class names for users. */
public class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
