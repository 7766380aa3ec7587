package dev.newsdesk.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Settings from {@code config/newsdesk.properties}, overridden by environment variables (NEWSDESK_ + the key
 * upper-cased with dots as underscores: {@code index.dir} becomes {@code NEWSDESK_INDEX_DIR}). Relative paths
 * resolve against {@code home}, the project root the launcher passes as {@code -Dnewsdesk.home}. Secrets are never
 * stored here: the file names the environment variables that hold them.
 *
 * @param properties every effective key (file then environment), for feature settings read elsewhere
 */
public record NewsdeskConfig(Path home, Path indexDir, List<Path> corpusDirs, String embeddingModel,
                             Path promptsDir, Properties properties) {

    public static final String FILE = "config/newsdesk.properties";

    public static NewsdeskConfig load(Path home, Map<String, String> env) {
        Properties p = new Properties();
        Path file = home.resolve(FILE);
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage() + "; fix the file or remove it to use defaults", e);
            }
        }
        for (String key : List.copyOf(p.stringPropertyNames())) {
            String v = env.get(envName(key));
            if (v != null) p.setProperty(key, v);
        }
        // Keys absent from the file can still be set from the environment.
        for (var e : env.entrySet()) {
            if (e.getKey().startsWith("NEWSDESK_") && !e.getKey().startsWith("NEWSDESK_DISCORD_")
                    && !e.getKey().equals("NEWSDESK_JAVA_OPTS") && !e.getKey().equals("NEWSDESK_LOG_LEVEL")) {
                String key = e.getKey().substring("NEWSDESK_".length()).toLowerCase(Locale.ROOT).replace('_', '.');
                p.putIfAbsent(key, e.getValue());
            }
        }
        Path index = home.resolve(p.getProperty("index.dir", "data/index"));
        List<Path> corpus = Arrays.stream(p.getProperty("corpus.dirs", "corpus").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).map(home::resolve).toList();
        String model = p.getProperty("embedding.model", "none").strip();
        Path prompts = home.resolve(p.getProperty("prompts.dir", "prompts"));
        return new NewsdeskConfig(home, index, corpus, model, prompts, p);
    }

    public static String envName(String key) {
        return "NEWSDESK_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public String get(String key, String fallback) {
        return properties.getProperty(key, fallback);
    }
}
