package dev.newsdesk.ingest;

import java.io.IOException;
import java.util.Set;

/**
 * One corpus file format: which files it reads, and how it turns one into records. {@link CorpusReader} walks the
 * folders, opens the file (gunzipping a {@code .gz}), applies the limits and reports failures; a format only
 * parses. Formats are registered in {@link CorpusFormats}, in the order their extensions are listed to users.
 *
 * <p>A format whose files hold one article each implements {@link DocumentFormat} instead. Implementations are
 * stateless; {@link #read} runs on the reading thread.
 */
interface CorpusFormat {
    /** The file extensions this format reads, and how they are named to users. */
    Extensions extensions();

    /**
     * Whether this format reads a file named {@code name}: lower case, a ".gz" suffix already removed. By extension
     * unless a format knows better (TREC files, for one, often have none).
     */
    default boolean accepts(String name) {
        return extensions().all().contains(extension(name));
    }

    /**
     * Reads the records of {@code file} into {@code out}, in file order. A bad record is reported with
     * {@link Records#fail} and reading goes on; a file that cannot be read further throws, and the records added
     * before the exception are kept.
     *
     * @throws BadInputException with the one-line reason when the file is not of this format or is damaged
     */
    void read(CorpusFile file, Records out) throws IOException, BadInputException;

    /**
     * @param shown how the message for an unsupported file names them, e.g. ".md, .txt"
     * @param all   every extension read, lower case, without the dot
     */
    record Extensions(String shown, Set<String> all) {
        static Extensions of(String shown, String... all) {
            return new Extensions(shown, Set.of(all));
        }
    }

    /** The extension of {@code name} without its dot ("a.b.jsonl" gives "jsonl"), or "" when it has none. */
    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }
}
