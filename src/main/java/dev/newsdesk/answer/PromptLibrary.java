package dev.newsdesk.answer;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.input.PromptTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The prompt templates of the answer package, read from plain text files at run time (no prompt text lives
 * in Java). Each file holds a system part and a user part separated by a line {@value #USER_SEPARATOR};
 * variables are LangChain4j {@link PromptTemplate} placeholders such as {@code {{question}}}.
 *
 * <p>All templates are read eagerly when the library is loaded, so a missing or malformed file fails at
 * start-up with a message naming it, not on the first question. Immutable and thread-safe.
 */
public final class PromptLibrary {
    /** The line that separates the system part (above) from the user part (below). */
    public static final String USER_SEPARATOR = "---user---";
    /** Folder name used when none is configured, relative to {@code -Dnewsdesk.home} or the working directory. */
    public static final String DEFAULT_FOLDER = "prompts";

    /**
     * The prompts newsdesk uses; each is a file "{name}.txt". The required ones must be in every prompt folder;
     * an optional one (used only by {@code eval}) is read when present, so older custom folders keep working.
     */
    public enum Name {
        ANSWER("answer", true), CONDENSE("condense", true), SUMMARY("summary", true), COMPARE("compare", true),
        /** MultiHop-RAG's own question-answering prompt, for scoring answers with the benchmark's rule. */
        MULTIHOP_ANSWER("multihop-answer", false);

        private final String file;
        private final boolean required;

        Name(String file, boolean required) {
            this.file = file;
            this.required = required;
        }

        public String fileName() {
            return file + ".txt";
        }

        public boolean required() {
            return required;
        }
    }

    /** A rendered prompt; {@code system} may be empty when the file has no system part. */
    public record Rendered(String system, String user) {
        public Rendered {
            Objects.requireNonNull(system, "system");
            Objects.requireNonNull(user, "user");
        }

        public List<ChatMessage> messages() {
            List<ChatMessage> messages = new ArrayList<>(2);
            if (!system.isBlank()) messages.add(SystemMessage.from(system));
            messages.add(UserMessage.from(user));
            return List.copyOf(messages);
        }
    }

    private record Template(PromptTemplate system, PromptTemplate user) {}

    private final Path folder;
    private final Map<Name, Template> templates;

    private PromptLibrary(Path folder, Map<Name, Template> templates) {
        this.folder = folder;
        this.templates = Map.copyOf(templates);
    }

    /**
     * Loads every template from {@code folder}.
     *
     * @throws IllegalStateException naming the folder or file when one is missing or malformed
     */
    public static PromptLibrary load(Path folder) {
        Objects.requireNonNull(folder, "folder");
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("Prompt folder '" + folder + "' not found; run from the newsdesk folder, "
                    + "set -Dnewsdesk.home, or point --prompts at a folder holding "
                    + String.join(", ", List.of(fileNames())));
        }
        Map<Name, Template> templates = new LinkedHashMap<>();
        for (Name name : Name.values()) {
            Path file = folder.resolve(name.fileName());
            if (name.required() || Files.exists(file)) templates.put(name, read(file));
        }
        return new PromptLibrary(folder, templates);
    }

    /** Loads from {@code $newsdesk.home/prompts} when that system property is set, else {@code ./prompts}. */
    public static PromptLibrary loadDefault() {
        String home = System.getProperty("newsdesk.home");
        Path base = home == null || home.isBlank() ? Path.of("") : Path.of(home);
        return load(base.resolve(DEFAULT_FOLDER));
    }

    public Path folder() {
        return folder;
    }

    /**
     * Renders a prompt. Values are inserted verbatim in one pass (a value that contains "{{x}}" is not
     * expanded again).
     *
     * @throws IllegalArgumentException when the template uses a variable that {@code variables} lacks
     */
    public Rendered render(Name name, Map<String, ?> variables) {
        Template template = templates.get(name);
        if (template == null) {
            throw new IllegalStateException("Prompt file '" + folder.resolve(name.fileName()) + "' not found; restore it "
                    + "from the newsdesk distribution or point --prompts at a folder that has it");
        }
        Map<String, Object> values = new LinkedHashMap<>(variables);
        String system = template.system() == null ? "" : template.system().apply(values).text();
        String user = template.user().apply(values).text();
        return new Rendered(system, user);
    }

    private static Template read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Prompt file '" + file + "' not found; restore it from the newsdesk "
                    + "distribution or point --prompts at a folder that has it");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompt file '" + file + "'", e);
        }
        String system = "";
        String user = text;
        int at = separatorAt(text);
        if (at >= 0) {
            system = text.substring(0, at).strip();
            user = text.substring(at + USER_SEPARATOR.length()).strip();
        }
        if (user.isBlank()) {
            throw new IllegalStateException("Prompt file '" + file + "' has an empty user part (below the line "
                    + USER_SEPARATOR + ")");
        }
        return new Template(system.isBlank() ? null : PromptTemplate.from(system), PromptTemplate.from(user));
    }

    /** Index of the separator when it stands alone on a line, else -1. */
    private static int separatorAt(String text) {
        int from = 0;
        while (true) {
            int at = text.indexOf(USER_SEPARATOR, from);
            if (at < 0) return -1;
            boolean lineStart = at == 0 || text.charAt(at - 1) == '\n';
            int after = at + USER_SEPARATOR.length();
            boolean lineEnd = after == text.length() || text.charAt(after) == '\n';
            if (lineStart && lineEnd) return at;
            from = after;
        }
    }

    private static String[] fileNames() {
        return java.util.Arrays.stream(Name.values()).filter(Name::required).map(Name::fileName).toArray(String[]::new);
    }
}
