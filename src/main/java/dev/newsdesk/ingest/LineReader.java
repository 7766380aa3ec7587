package dev.newsdesk.ingest;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines of at most a given length without ever holding a longer one: the rest of an over-long line is
 * skipped, so one runaway line in a JSON Lines file costs neither memory nor the lines after it. Not thread-safe.
 */
final class LineReader {
    private final Reader in;
    private final char[] buf = new char[64 * 1024];
    private int pos;
    private int len;
    private boolean tooLong;

    LineReader(Reader in) {
        this.in = in;
    }

    /** Reads the next line (without its line terminator) into {@code line}; false at end of input. */
    boolean next(StringBuilder line, int maxChars) throws IOException {
        line.setLength(0);
        tooLong = false;
        boolean any = false;
        while (true) {
            if (pos == len) {
                len = in.read(buf);
                pos = 0;
                if (len <= 0) {
                    len = 0;
                    return any;
                }
            }
            any = true;
            int start = pos;
            while (pos < len && buf[pos] != '\n') pos++;
            if (!tooLong) {
                int n = pos - start;
                if (line.length() + n > maxChars) {
                    tooLong = true;
                    line.setLength(0);
                } else {
                    line.append(buf, start, n);
                }
            }
            if (pos < len) { // found '\n'
                pos++;
                int last = line.length() - 1;
                if (last >= 0 && line.charAt(last) == '\r') line.setLength(last);
                return true;
            }
        }
    }

    /** Whether the line last returned by {@link #next} was over the limit (and is therefore empty). */
    boolean wasTooLong() {
        return tooLong;
    }
}
