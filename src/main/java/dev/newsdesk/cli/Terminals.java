package dev.newsdesk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether stderr is a terminal: Java has no isatty, and System.console() speaks of stdin/stdout, not stderr. */
final class Terminals {
    private Terminals() {}

    static boolean stderrIsTerminal() {
        // Linux names the file behind each descriptor; a terminal is a tty or pty device
        Path fd2 = Path.of("/proc/self/fd/2");
        try {
            String target = Files.readSymbolicLink(fd2).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // elsewhere the console is the best hint there is: absent when output is redirected
            return System.console() != null;
        }
    }
}
