package dev.newsdesk.ingest;

import java.io.IOException;

/**
 * A format whose files hold one article each (Markdown, text, a web page): the file is read whole, up to
 * {@link IngestLimits#maxFileBytes()}, and parsed where articles are assembled, off the reading thread. The same
 * {@link #parse} serves documents that never were files (a fetched page, through {@link DocumentReader}).
 */
interface DocumentFormat extends CorpusFormat {
    /**
     * The record one document holds.
     *
     * @param bytes the whole document, not empty
     * @throws BadInputException with the one-line reason when it is not text of this format
     */
    RawRecord parse(byte[] bytes) throws IOException, BadInputException;

    @Override
    default void read(CorpusFile file, Records out) throws IOException, BadInputException {
        byte[] bytes = file.readAll();
        out.document(() -> parse(bytes));
    }
}
