package dev.newsdesk.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The data behind {@link Cleaner}: regexes grouped by what the cleaner does with a match. The default set is
 * {@code boilerplate.txt} next to this class; its header documents the sections.
 */
public record BoilerplateRules(List<Pattern> prefix, List<Pattern> label, List<Pattern> drop, List<Pattern> trailer,
                               List<Pattern> caption) {
    static final String DEFAULT_RESOURCE = "boilerplate.txt";
    /** ASCII case folding only: rules are English, and Unicode folding makes every char compare slower. */
    static final int FLAGS = Pattern.CASE_INSENSITIVE;

    public BoilerplateRules {
        prefix = List.copyOf(prefix);
        label = List.copyOf(label);
        drop = List.copyOf(drop);
        trailer = List.copyOf(trailer);
        caption = List.copyOf(caption);
    }

    /** The rules shipped with newsdesk. */
    public static BoilerplateRules defaults() {
        try (InputStream in = BoilerplateRules.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource dev/newsdesk/ingest/" + DEFAULT_RESOURCE
                        + " is missing from the classpath; rebuild with: mvn package");
            }
            return parse(in, DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read boilerplate rules " + DEFAULT_RESOURCE, e);
        }
    }

    /** Parses the {@code boilerplate.txt} format: "# comments", "[section]" headers, one regex per line. */
    public static BoilerplateRules parse(InputStream in, String name) throws IOException {
        List<List<Pattern>> sections = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>());
        List<String> names = List.of("prefix", "label", "drop", "trailer", "caption");
        List<Pattern> current = null;
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int lineNo = 0;
        while ((line = r.readLine()) != null) {
            lineNo++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            if (t.startsWith("[") && t.endsWith("]")) {
                int idx = names.indexOf(t.substring(1, t.length() - 1));
                if (idx < 0) {
                    throw new IllegalArgumentException(name + ":" + lineNo + ": unknown section " + t
                            + "; use one of " + names);
                }
                current = sections.get(idx);
                continue;
            }
            if (current == null) {
                throw new IllegalArgumentException(name + ":" + lineNo + ": rule before any [section]; start with [label]");
            }
            try {
                current.add(Pattern.compile(t, FLAGS));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(name + ":" + lineNo + ": bad regex '" + t + "': "
                        + e.getDescription() + "; fix the line or comment it out", e);
            }
        }
        return new BoilerplateRules(sections.get(0), sections.get(1), sections.get(2), sections.get(3), sections.get(4));
    }
}
