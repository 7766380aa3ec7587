package dev.newsdesk.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * One corpus file as a {@link CorpusFormat} sees it: its content, already decompressed when the file is gzipped
 * ({@code gz}), and the limits that apply to it. Record formats stream it ({@link #open}); document formats read it
 * whole ({@link #readAll}).
 */
record CorpusFile(Path path, boolean gz, IngestLimits limits) {
    /** A buffered stream of the (decompressed) content; supports mark and reset. The caller closes it. */
    InputStream open() throws IOException {
        InputStream raw = Files.newInputStream(path);
        try {
            return new BufferedInputStream(gz ? new GZIPInputStream(raw, 64 * 1024) : raw, 64 * 1024);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** The whole (decompressed) content, refused when over {@link IngestLimits#maxFileBytes()} or empty. */
    byte[] readAll() throws IOException, BadInputException {
        if (!gz && Files.size(path) > limits.maxFileBytes()) throw tooBig();
        byte[] bytes;
        try (InputStream in = open()) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxFileBytes() + 1));
        }
        if (bytes.length > limits.maxFileBytes()) throw tooBig();
        if (bytes.length == 0) throw new BadInputException("empty file; remove it or add article text");
        return bytes;
    }

    private BadInputException tooBig() {
        return new BadInputException("file is larger than the limit of " + limits.maxFileBytes()
                + " bytes; split it into smaller files or raise maxFileBytes");
    }
}
