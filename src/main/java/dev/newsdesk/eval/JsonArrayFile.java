package dev.newsdesk.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The benchmark's files are JSON arrays; this reads one and says which file and what to pass when it is not. */
final class JsonArrayFile {
    private JsonArrayFile() {}

    /**
     * @param what    what the file holds, for messages ("MultiHop-RAG corpus")
     * @param items   what its elements are ("articles")
     * @param example the usual path, shown when the file is missing
     */
    static JsonNode read(Path file, String what, String items, String example) {
        if (!Files.isRegularFile(file)) {
            throw new UncheckedIOException(new IOException(what + " '" + file + "' not found; pass the path of "
                    + example.substring(example.lastIndexOf('/') + 1) + " (e.g. " + example + ")"));
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse '" + file + "' as JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new UncheckedIOException(new IOException("'" + file + "' is not a JSON array of " + items));
        }
        return root;
    }
}
