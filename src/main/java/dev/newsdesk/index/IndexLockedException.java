package dev.newsdesk.index;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The index is open for writing by another process (Lucene's write lock is held): nothing was written. A type of
 * its own so a command can say what to do about it (stop the other process, or poll from the bot that holds it).
 */
public final class IndexLockedException extends IOException {
    private final transient Path indexDir;

    IndexLockedException(Path indexDir, String message, Throwable cause) {
        super(message, cause);
        this.indexDir = indexDir;
    }

    public Path indexDir() {
        return indexDir;
    }
}
