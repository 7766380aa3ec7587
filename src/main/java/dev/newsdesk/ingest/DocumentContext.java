package dev.newsdesk.ingest;

import java.nio.file.Path;
import java.time.Instant;

/**
 * Where one input came from, for what its content does not say itself. A file's context names it; a fetched page's
 * also carries its URL, when it was fetched and the outlet its source is known as, each used only when the page's
 * own metadata gives nothing (see {@link ArticleAssembler}).
 *
 * @param source     what {@link Article#source()} records: the file path as found, or the page's URL ("#index" is
 *                   appended for the records of a multi-record input)
 * @param name       id and last-resort title of a one-article input (a file's stem)
 * @param idKey      hashed with the record index into the ids of records without one (a file's path relative to
 *                   its root, e.g. "2024/a.jsonl")
 * @param url        the input's own address, used when the document names no URL; null for files
 * @param fetched    when the input was fetched, the date of last resort; null for files
 * @param outletHint the outlet when the document names none, before the URL's host; for files the one given with
 *                   {@code ingest --outlet}, else null
 */
public record DocumentContext(String source, String name, String idKey, String url, Instant fetched,
                              String outletHint) {
    public DocumentContext {
        if (source == null || source.isBlank()) throw new IllegalArgumentException("source must not be blank");
        if (name == null) throw new IllegalArgumentException("name must not be null (source " + source + ")");
        if (idKey == null) throw new IllegalArgumentException("idKey must not be null (source " + source + ")");
    }

    /** A corpus file: nothing beyond its path, stem and key. */
    static DocumentContext file(Path path, String stem, String key) {
        return file(path, stem, key, null);
    }

    /** @param outlet the outlet for records that name none ({@code ingest --outlet}), or null */
    static DocumentContext file(Path path, String stem, String key, String outlet) {
        return new DocumentContext(path.toString(), stem, key, null, null, outlet);
    }

    /**
     * A page fetched from {@code url}: the URL is its source and its key, and (hashed, as record ids are) its id
     * when the page names none.
     *
     * @param fetched    when it was fetched, or null
     * @param outletHint the outlet its source is known as, or null to take the page's (or its host)
     */
    public static DocumentContext fetched(String url, Instant fetched, String outletHint) {
        if (url == null || url.isBlank()) throw new IllegalArgumentException("a fetched document needs its URL");
        return new DocumentContext(url, ArticleAssembler.stableHash(url), url, url, fetched, outletHint);
    }
}
