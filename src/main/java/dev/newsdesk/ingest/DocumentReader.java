package dev.newsdesk.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Turns one document held in memory (a page fetched over HTTP, a feed item's HTML content) into an article by the
 * same format and assembler path a corpus file takes: what {@link HtmlFormat} finds in the page comes first, the
 * {@link DocumentContext}'s URL, outlet and fetch time only fill what the page leaves empty. The article still
 * needs near-duplicate folding and indexing like any other. Immutable and thread-safe.
 */
public final class DocumentReader {
    private final IngestLimits limits;
    private final ArticleAssembler assembler;
    private final HtmlFormat html = new HtmlFormat();

    public DocumentReader(IngestLimits limits, Cleaner cleaner) {
        this.limits = limits;
        this.assembler = new ArticleAssembler(cleaner, limits);
    }

    /**
     * An HTML page as an article.
     *
     * @param body    the page as received; its charset comes from the BOM or a meta tag, else UTF-8
     * @param context where it came from, e.g. {@link DocumentContext#fetched}
     * @throws BadInputException with the one-line reason when the page is empty, too large, binary or holds no
     *                           article text
     */
    public Article html(byte[] body, DocumentContext context) throws BadInputException {
        return read(html, body, context);
    }

    Article read(DocumentFormat format, byte[] body, DocumentContext context) throws BadInputException {
        if (body.length == 0) throw new BadInputException("empty document; nothing to read");
        if (body.length > limits.maxFileBytes()) {
            throw new BadInputException("document is " + body.length + " bytes, over the limit of "
                    + limits.maxFileBytes() + "; raise maxFileBytes to read it");
        }
        RawRecord raw;
        try {
            raw = format.parse(body);
        } catch (IOException e) {
            throw new UncheckedIOException("parsing an in-memory document failed", e); // no I/O happens here
        }
        return assembler.assemble(raw, context, -1);
    }
}
