package dev.newsdesk.sources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sources file ({@code config/sources.json} unless {@code sources.file} says otherwise): the feeds, sitemaps
 * and pages newsdesk polls. JSON, because the project already reads JSON and a YAML parser would be one more
 * dependency for the same four fields:
 * <pre>
 * {"sources": [
 *   {"url": "https://feeds.bbci.co.uk/news/rss.xml", "kind": "feed", "outlet": "BBC News",
 *    "interval_minutes": 30, "enabled": true}
 * ]}
 * </pre>
 * A missing file is an empty list. Writes go to a temporary file that replaces the old one, so a crash never
 * leaves half a file. Immutable; not safe against two processes editing at once (the last write wins).
 */
public final class SourcesFile {
    private final Path path;
    private final ObjectMapper mapper = new ObjectMapper();

    public SourcesFile(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    /** @throws IllegalArgumentException naming the file, the entry and the fix when it cannot be read */
    public List<Source> load() {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read sources file " + path + " (" + e.getMessage()
                    + "); check its permissions or set sources.file", e);
        }
        if (text.isBlank()) return List.of();
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("sources file " + path + " is not valid JSON (line "
                    + e.getLocation().getLineNr() + ": " + e.getOriginalMessage().lines().findFirst().orElse("")
                    + "); fix it or remove it and use `newsdesk sources add`", e);
        }
        JsonNode list = root.isArray() ? root : root.path("sources");
        if (!list.isArray()) {
            throw new IllegalArgumentException("sources file " + path + " needs {\"sources\": [...]}; see README, 'Live sources'");
        }
        List<Source> out = new ArrayList<>();
        int i = 0;
        for (JsonNode n : list) {
            try {
                if (!n.isObject()) throw new IllegalArgumentException("not a JSON object");
                JsonNode url = n.get("url");
                if (url == null || !url.isTextual()) throw new IllegalArgumentException("\"url\" must be a string");
                JsonNode minutes = n.get("interval_minutes");
                if (minutes != null && !minutes.isNull() && !minutes.isNumber()) {
                    throw new IllegalArgumentException("\"interval_minutes\" must be a number");
                }
                JsonNode enabled = n.get("enabled");
                if (enabled != null && !enabled.isNull() && !enabled.isBoolean()) {
                    throw new IllegalArgumentException("\"enabled\" must be true or false");
                }
                out.add(new Source(url.asText(), n.hasNonNull("kind") ? Source.Kind.parse(n.get("kind").asText()) : null,
                        n.hasNonNull("outlet") ? n.get("outlet").asText() : null,
                        minutes == null || minutes.isNull() ? null : Duration.ofSeconds(Math.round(minutes.asDouble() * 60)),
                        enabled == null || enabled.isNull() || enabled.asBoolean()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("sources file " + path + ", entry #" + i + ": " + e.getMessage(), e);
            }
            i++;
        }
        return List.copyOf(out);
    }

    public void save(List<Source> sources) throws IOException {
        ObjectNode root = mapper.createObjectNode();
        ArrayNode list = root.putArray("sources");
        for (Source s : sources) {
            ObjectNode n = list.addObject();
            n.put("url", s.url());
            n.put("kind", s.kind().id());
            if (s.outlet() != null) n.put("outlet", s.outlet());
            long seconds = s.interval().toSeconds();
            if (seconds % 60 == 0) n.put("interval_minutes", seconds / 60);
            else n.put("interval_minutes", seconds / 60.0);
            n.put("enabled", s.enabled());
        }
        Path parent = path.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, ".sources", ".tmp");
        try {
            Files.writeString(tmp, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n",
                    StandardCharsets.UTF_8);
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The source with this URL (as written, or in its canonical form), if listed. */
    public static Optional<Source> find(List<Source> sources, String url) {
        String want = Urls.canonical(url);
        return sources.stream().filter(s -> s.url().equals(url.strip()) || Urls.canonical(s.url()).equals(want)).findFirst();
    }
}
