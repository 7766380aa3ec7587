package dev.newsdesk.ingest;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads corpus files into cleaned {@link Article}s.
 *
 * <p>Roots may be files or directories. Directories are walked recursively in sorted order (by name, so runs are
 * reproducible), skipping hidden entries (names starting with "."). Each file is read by the first
 * {@link CorpusFormat} that accepts its name (the list is in {@link CorpusFormats}): {@code .md}, {@code .markdown},
 * {@code .txt} (optional front matter), {@code .json} (one object, an array of objects, or concatenated objects),
 * {@code .jsonl}/{@code .ndjson} (one object per line), {@code .html}/{@code .htm}, and any of these gzipped
 * ({@code x.jsonl.gz}). Inside a directory other files are skipped silently (a corpus folder may hold a README); a
 * file named explicitly as a root with an unknown type is reported.
 *
 * <p>Record formats (JSON, JSON Lines) are streamed record by record, so a 200 MB file needs memory for one
 * record only. Document formats (md, txt, html) are read whole and limited by {@link IngestLimits#maxFileBytes()}.
 * This class walks, dispatches and reports; formats parse, and {@link OrderedOutput} delivers.
 *
 * <p>Failures never escape {@link #read}: an unreadable, empty, binary, malformed or oversized file or record is
 * reported once to {@link ArticleSink#failure} with a one-line reason, and reading goes on. Exceptions thrown by
 * the sink itself do propagate: they are the caller's, not the corpus's.
 *
 * <p>Ids: front matter or record {@code id}; else the file stem for a file that holds one article; else 16 hex
 * chars of SHA-256 over "relative/path#index", the path relative to the root directory given (or the file name
 * for a file root), so ids are stable across runs and machines as long as the corpus is read from the same root.
 * {@code source} is the path as found (plus "#index", 0-based, for records of multi-record files).
 *
 * <p>Cleaning and assembling records (the costly part: boilerplate rules, headline detection) runs on up to
 * {@code threads} threads while this thread decompresses and parses; results still reach the sink in reading order,
 * on the calling thread, exactly as a one-thread read would deliver them.
 *
 * <p>Thread-safe: no mutable state; each {@code read} call uses its own buffers and threads.
 */
public final class CorpusReader {
    private static final Logger log = LoggerFactory.getLogger(CorpusReader.class);

    private final IngestLimits limits;
    private final ArticleAssembler assembler;
    private final List<CorpusFormat> formats;
    private final int threads;
    private final String outlet;

    public CorpusReader(IngestLimits limits) {
        this(limits, new Cleaner());
    }

    public CorpusReader(IngestLimits limits, Cleaner cleaner) {
        this(limits, cleaner, Runtime.getRuntime().availableProcessors());
    }

    /** @param threads threads that clean and assemble records; 1 does everything on the calling thread */
    public CorpusReader(IngestLimits limits, Cleaner cleaner, int threads) {
        this(limits, cleaner, threads, CorpusFormats.standard(cleaner));
    }

    /** @param formats the formats files are read with; the first that accepts a file's name reads it */
    CorpusReader(IngestLimits limits, Cleaner cleaner, int threads, List<CorpusFormat> formats) {
        this(limits, new ArticleAssembler(cleaner, limits), threads, formats, null);
    }

    private CorpusReader(IngestLimits limits, ArticleAssembler assembler, int threads, List<CorpusFormat> formats,
                         String outlet) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        if (formats.isEmpty()) throw new IllegalArgumentException("at least one corpus format is needed");
        this.limits = limits;
        this.assembler = assembler;
        this.formats = List.copyOf(formats);
        this.threads = threads;
        this.outlet = outlet == null || outlet.isBlank() ? null : outlet.strip();
    }

    /**
     * The same reader, giving records that name no outlet of their own this one ({@code ingest --outlet BBC}):
     * without it they would show "unknown", or the host of their URL.
     */
    public CorpusReader withOutlet(String outlet) {
        return new CorpusReader(limits, assembler, threads, formats, outlet);
    }

    /** Reads every supported file under {@code roots}, in order, into {@code sink}. */
    public void read(List<Path> roots, ArticleSink sink) {
        try (OrderedOutput out = new OrderedOutput(sink, threads)) {
            for (Path root : roots) {
                if (!Files.exists(root)) {
                    out.failure(root, "no such file or directory; check the path");
                } else if (Files.isDirectory(root)) {
                    walk(root, "", new HashSet<>(), out);
                } else {
                    readFile(root, keyName(root), true, out);
                }
            }
            out.drain();
        } catch (OrderedOutput.SinkException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private static String keyName(Path p) {
        Path name = p.toAbsolutePath().normalize().getFileName();
        return name == null ? "" : name.toString();
    }

    private void walk(Path dir, String key, Set<Path> visited, OrderedOutput sink) {
        try {
            if (!visited.add(dir.toRealPath())) return; // a symlink loop
        } catch (IOException e) {
            sink.failure(dir, "cannot resolve directory (" + describe(e) + "); check the link or its permissions");
            return;
        }
        List<Path> children;
        try (Stream<Path> s = Files.list(dir)) {
            children = new ArrayList<>(s.filter(p -> !p.getFileName().toString().startsWith(".")).toList());
        } catch (IOException e) {
            sink.failure(dir, "cannot list directory (" + describe(e) + "); check its permissions");
            return;
        }
        children.sort(Comparator.comparing(p -> p.getFileName().toString()));
        for (Path child : children) {
            String childKey = key.isEmpty() ? child.getFileName().toString() : key + "/" + child.getFileName();
            if (Files.isDirectory(child)) walk(child, childKey, visited, sink);
            else readFile(child, childKey, false, sink);
        }
    }

    private void readFile(Path path, String key, boolean explicit, OrderedOutput out) {
        String name = path.getFileName().toString();
        boolean gz = name.toLowerCase(Locale.ROOT).endsWith(".gz");
        String inner = gz ? name.substring(0, name.length() - 3) : name;
        int dot = inner.lastIndexOf('.');
        String stem = dot <= 0 ? inner : inner.substring(0, dot);
        CorpusFormat format = formatFor(inner.toLowerCase(Locale.ROOT));
        if (format == null) {
            if (explicit) {
                String ext = CorpusFormat.extension(inner.toLowerCase(Locale.ROOT));
                out.failure(path, "unsupported file type '" + (ext.isEmpty() ? name : "." + ext) + "'; use "
                        + supportedExtensions() + " (optionally gzipped as .gz)");
            } else {
                log.debug("skipping {}: not a corpus file type", path);
            }
            return;
        }
        Records records = new Records(path, DocumentContext.file(path, stem, key, outlet), assembler, out);
        try {
            if (!Files.isReadable(path)) {
                throw new BadInputException("cannot read the file (permission denied); check its permissions");
            }
            if (Files.size(path) == 0) throw new BadInputException("empty file; remove it or add article text");
            format.read(new CorpusFile(path, gz, limits), records);
            records.finish();
        } catch (BadInputException e) {
            records.flushAsMany(); // records read before the damage are kept, as records of a multi-record file
            out.failure(path, e.getMessage());
        } catch (ZipException | EOFException e) {
            records.flushAsMany();
            if (records.added() > 0) {
                // The records before the cut are good and stay indexed; say so instead of calling the file skipped.
                String n = String.format(Locale.ROOT, "%,d", records.added());
                out.incomplete(path, "read " + n + (records.added() == 1 ? " article" : " articles")
                        + ", then the file ends mid-stream (" + describe(e) + "); those " + n
                        + " are kept, re-download or recompress the file to get the rest");
            } else {
                out.failure(path, (gz ? "not a valid or complete gzip file (" : "file ends early (") + describe(e)
                        + "); re-download or recompress it");
            }
        } catch (AccessDeniedException e) {
            out.failure(path, "cannot read the file (permission denied); check its permissions");
        } catch (IOException e) {
            out.failure(path, "cannot read the file (" + describe(e) + "); check that it exists and is readable");
        } catch (OrderedOutput.SinkException e) {
            throw e;
        } catch (RuntimeException e) {
            // A parser bug or a pathological input must not end the whole ingest; name it so it can be reported.
            log.warn("unexpected error reading {}", path, e);
            out.failure(path, "unexpected error (" + e + "); skipped; please report this with the file");
        }
    }

    private CorpusFormat formatFor(String name) {
        for (CorpusFormat f : formats) if (f.accepts(name)) return f;
        return null;
    }

    /** ".md, .txt, .json, .jsonl or .html": every format's extensions, in registration order. */
    private String supportedExtensions() {
        List<String> all = formats.stream().map(f -> f.extensions().shown()).toList();
        if (all.size() == 1) return all.getFirst();
        return String.join(", ", all.subList(0, all.size() - 1)) + " or " + all.getLast();
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) return "no such file";
        if (e instanceof AccessDeniedException) return "permission denied";
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + InputChecks.firstLine(m));
    }
}
