package dev.newsdesk.ingest;

import java.nio.file.Path;

/** Where the shared datasets live: system property {@code newsdesk.shared} (set by surefire), else ../shared. */
final class SharedData {
    private SharedData() {
    }

    static Path path(String relative) {
        return Path.of(System.getProperty("newsdesk.shared", "../shared")).resolve(relative);
    }
}
