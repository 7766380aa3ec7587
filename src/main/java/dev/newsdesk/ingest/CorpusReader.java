package dev.newsdesk.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads corpus files into cleaned {@link Article}s.
 *
 * <p>Roots may be files or directories. Directories are walked recursively in sorted order (by name, so runs are
 * reproducible), skipping hidden entries (names starting with "."). Files are read by extension: {@code .md},
 * {@code .markdown}, {@code .txt} (optional front matter), {@code .json} (one object, an array of objects, or
 * concatenated objects), {@code .jsonl}/{@code .ndjson} (one object per line), {@code .html}/{@code .htm}, and any
 * of these gzipped ({@code x.jsonl.gz}). Inside a directory other files are skipped silently (a corpus folder
 * may hold a README); a file named explicitly as a root with an unknown type is reported.
 *
 * <p>JSON and JSON Lines are streamed record by record, so a 200 MB file needs memory for one record only.
 * Document formats (md, txt, html) are read whole and limited by {@link IngestLimits#maxFileBytes()}.
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
    private static final Set<String> TEXT = Set.of("md", "markdown", "txt");
    private static final Set<String> HTML = Set.of("html", "htm");
    private static final Set<String> JSON = Set.of("json");
    private static final Set<String> JSONL = Set.of("jsonl", "ndjson");
    private static final int SNIFF_BYTES = 8192;
    /** A file with this many bad lines is almost certainly not JSON Lines; stop rather than report each line. */
    private static final int MAX_BAD_LINES = 100;
    /** Share of NULs or undecodable bytes above which a "text" file is taken to be binary (1 in 100). */
    private static final int MAX_BAD_CHAR_PERCENT = 1;

    /**
     * Records being assembled or waiting for delivery, per assembling thread: enough to keep the threads busy
     * while one slow record (a long article) is finished, few enough that memory stays bounded by a few hundred
     * records even for a 200 MB file.
     */
    private static final int IN_FLIGHT_PER_THREAD = 32;

    private final IngestLimits limits;
    private final Cleaner cleaner;
    private final ArticleAssembler assembler;
    private final ObjectMapper mapper = new ObjectMapper();
    private final int threads;

    public CorpusReader(IngestLimits limits) {
        this(limits, new Cleaner());
    }

    public CorpusReader(IngestLimits limits, Cleaner cleaner) {
        this(limits, cleaner, Runtime.getRuntime().availableProcessors());
    }

    /** @param threads threads that clean and assemble records; 1 does everything on the calling thread */
    public CorpusReader(IngestLimits limits, Cleaner cleaner, int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        this.limits = limits;
        this.cleaner = cleaner;
        this.assembler = new ArticleAssembler(cleaner, limits);
        this.threads = threads;
    }

    /** Reads every supported file under {@code roots}, in order, into {@code sink}. */
    public void read(List<Path> roots, ArticleSink sink) {
        ExecutorService pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "newsdesk-read");
            t.setDaemon(true); // never keeps the JVM alive, even if a caller forgets to finish a read
            return t;
        });
        Output out = new Output(new Sink(sink), pool, threads * IN_FLIGHT_PER_THREAD);
        try {
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
        } catch (SinkException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        } finally {
            if (pool != null) pool.shutdownNow();
        }
    }

    private static String keyName(Path p) {
        Path name = p.toAbsolutePath().normalize().getFileName();
        return name == null ? "" : name.toString();
    }

    private void walk(Path dir, String key, Set<Path> visited, Output sink) {
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

    private void readFile(Path path, String key, boolean explicit, Output sink) {
        String name = path.getFileName().toString();
        boolean gz = name.toLowerCase(Locale.ROOT).endsWith(".gz");
        String inner = gz ? name.substring(0, name.length() - 3) : name;
        int dot = inner.lastIndexOf('.');
        String ext = dot < 0 ? "" : inner.substring(dot + 1).toLowerCase(Locale.ROOT);
        String stem = dot <= 0 ? inner : inner.substring(0, dot);
        if (!TEXT.contains(ext) && !HTML.contains(ext) && !JSON.contains(ext) && !JSONL.contains(ext)) {
            if (explicit) {
                sink.failure(path, "unsupported file type '" + (ext.isEmpty() ? name : "." + ext)
                        + "'; use .md, .txt, .json, .jsonl or .html (optionally gzipped as .gz)");
            } else {
                log.debug("skipping {}: not a corpus file type", path);
            }
            return;
        }
        try {
            if (!Files.isReadable(path)) {
                throw new BadInputException("cannot read the file (permission denied); check its permissions");
            }
            if (Files.size(path) == 0) throw new BadInputException("empty file; remove it or add article text");
            if (JSON.contains(ext)) readJson(path, gz, stem, key, sink);
            else if (JSONL.contains(ext)) readJsonLines(path, gz, stem, key, sink);
            else readDocument(path, gz, HTML.contains(ext), stem, key, sink);
        } catch (BadInputException e) {
            sink.failure(path, e.getMessage());
        } catch (ZipException | EOFException e) {
            sink.failure(path, (gz ? "not a valid or complete gzip file (" : "file ends early (") + describe(e)
                    + "); re-download or recompress it");
        } catch (AccessDeniedException e) {
            sink.failure(path, "cannot read the file (permission denied); check its permissions");
        } catch (IOException e) {
            sink.failure(path, "cannot read the file (" + describe(e) + "); check that it exists and is readable");
        } catch (SinkException e) {
            throw e;
        } catch (RuntimeException e) {
            // A parser bug or a pathological input must not end the whole ingest; name it so it can be reported.
            log.warn("unexpected error reading {}", path, e);
            sink.failure(path, "unexpected error (" + e + "); skipped; please report this with the file");
        }
    }

    // ---------------------------------------------------------------- document formats: md, txt, html

    private void readDocument(Path path, boolean gz, boolean html, String stem, String key, Output sink)
            throws IOException, BadInputException {
        if (!gz && Files.size(path) > limits.maxFileBytes()) throw tooBig();
        byte[] bytes;
        try (InputStream in = open(path, gz)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxFileBytes() + 1));
        }
        if (bytes.length > limits.maxFileBytes()) throw tooBig();
        if (bytes.length == 0) throw new BadInputException("empty file; remove it or add article text");
        if (html) {
            checkNotBinary(bytes, bytes.length);
            sink.article(path, "", () -> assembler.assemble(HtmlFormat.parse(bytes), path.toString(), stem, key, -1));
        } else {
            String text = decode(bytes);
            if (text.isBlank()) throw new BadInputException("empty file (only whitespace); remove it or add article text");
            sink.article(path, "", () -> assembler.assemble(TextFormat.parse(text, cleaner), path.toString(), stem, key, -1));
        }
    }

    private BadInputException tooBig() {
        return new BadInputException("file is larger than the limit of " + limits.maxFileBytes()
                + " bytes; split it into smaller files or raise maxFileBytes");
    }

    /** Strict-enough UTF-8: a few bad bytes are replaced (scrapes often have one), many mean it is not text. */
    private static String decode(byte[] bytes) throws BadInputException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BadInputException("not valid UTF-8 text (binary?); remove it or convert it to UTF-8");
        }
        long bad = text.chars().filter(c -> c == 0 || c == 0xFFFD).count();
        if (bad * 100 > (long) text.length() * MAX_BAD_CHAR_PERCENT) {
            throw new BadInputException("not valid UTF-8 text (binary?); remove it or convert it to UTF-8");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static void checkNotBinary(byte[] bytes, int length) throws BadInputException {
        int nul = 0;
        for (int i = 0; i < length; i++) if (bytes[i] == 0) nul++;
        if (nul * 100L > (long) length * MAX_BAD_CHAR_PERCENT || (nul > 0 && length < 100)) {
            throw new BadInputException("not valid UTF-8 text (binary?); remove it or convert it to UTF-8");
        }
    }

    // ---------------------------------------------------------------- record formats: json, jsonl

    private void readJson(Path path, boolean gz, String stem, String key, Output sink) throws IOException, BadInputException {
        try (InputStream in = open(path, gz)) {
            sniff(in);
            Records records = new Records(path, stem, key, sink);
            try (JsonParser p = mapper.createParser(in)) {
                int index = 0;
                JsonToken t;
                while ((t = p.nextToken()) != null) {
                    if (t == JsonToken.START_ARRAY) {
                        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                            if (t == null) break; // Jackson reports the unclosed array itself
                            value(p, t, index++, records);
                        }
                    } else {
                        value(p, t, index++, records);
                    }
                }
            } catch (JsonProcessingException e) {
                records.flushAsMany();
                JsonLocation at = e.getLocation();
                throw new BadInputException("malformed JSON at line " + (at == null ? "?" : at.getLineNr())
                        + ", column " + (at == null ? "?" : at.getColumnNr()) + " (" + firstLine(e.getOriginalMessage())
                        + "); records before it were read; fix the file from that point");
            }
            records.finish();
        }
    }

    private void value(JsonParser p, JsonToken t, int index, Records records) throws IOException {
        if (t == JsonToken.START_OBJECT) {
            JsonNode node = mapper.readTree(p);
            records.add(JsonFormat.toRecord(node), index);
        } else {
            p.skipChildren();
            records.fail("record #" + index + " is " + t.asString() + ", not a JSON object; remove it or wrap it as {\"body\": ...}");
        }
    }

    private void readJsonLines(Path path, boolean gz, String stem, String key, Output sink) throws IOException, BadInputException {
        // JSON escapes can take 6 chars per char of text (\u00e9), hence the generous line limit.
        int maxLine = (int) Math.min(Integer.MAX_VALUE - 8, limits.maxArticleChars() * 6 + 65_536);
        try (InputStream in = open(path, gz)) {
            sniff(in);
            Records records = new Records(path, stem, key, sink);
            LineReader lines = new LineReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            StringBuilder line = new StringBuilder();
            long lineNo = 0;
            int index = 0;
            int bad = 0;
            while (lines.next(line, maxLine)) {
                lineNo++;
                if (lines.wasTooLong()) {
                    bad++;
                    records.fail("line " + lineNo + " is longer than " + maxLine
                            + " chars; split the record or raise maxArticleChars");
                    index++;
                    continue;
                }
                if (line.isEmpty() || line.toString().isBlank()) continue;
                try {
                    JsonNode node = mapper.readTree(line.toString());
                    if (node == null || !node.isObject()) {
                        bad++;
                        records.fail("line " + lineNo + " is not a JSON object; JSON Lines needs one {...} per line");
                    } else {
                        records.add(JsonFormat.toRecord(node), index, "line " + lineNo + ": ");
                    }
                } catch (JsonProcessingException e) {
                    bad++;
                    JsonLocation at = e.getLocation();
                    records.fail("malformed JSON on line " + lineNo + (at == null ? "" : ", column " + at.getColumnNr())
                            + " (" + firstLine(e.getOriginalMessage()) + "); fix or remove that line");
                }
                index++;
                if (bad >= MAX_BAD_LINES) {
                    records.fail("stopped after " + bad + " bad lines (last: line " + lineNo
                            + "); check that this is JSON Lines, one object per line");
                    break;
                }
            }
            records.finish();
        }
    }

    /** Looks at the first bytes without consuming them: empty and binary files are rejected before parsing. */
    private static void sniff(InputStream in) throws IOException, BadInputException {
        in.mark(SNIFF_BYTES);
        byte[] head = in.readNBytes(SNIFF_BYTES);
        in.reset();
        if (head.length == 0) throw new BadInputException("empty file; remove it or add article text");
        checkNotBinary(head, head.length);
    }

    private static InputStream open(Path path, boolean gz) throws IOException {
        InputStream raw = Files.newInputStream(path);
        try {
            return new BufferedInputStream(gz ? new GZIPInputStream(raw, 64 * 1024) : raw, 64 * 1024);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    private static String firstLine(String s) {
        if (s == null) return "no detail";
        String line = s.lines().findFirst().orElse("").strip();
        return line.length() <= 120 ? line : line.substring(0, 117) + "...";
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) return "no such file";
        if (e instanceof AccessDeniedException) return "permission denied";
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + firstLine(m));
    }

    /**
     * Emits the records of one file. The first record is held back until a second one (or a failure) shows
     * that the file holds several, because a one-article file takes the file stem as id and the plain path as
     * source.
     */
    private final class Records {
        private final Path path;
        private final String stem;
        private final String key;
        private final Output sink;
        private RawRecord pending;
        private int pendingIndex;
        private String pendingWhere;
        private int seen;

        Records(Path path, String stem, String key, Output sink) {
            this.path = path;
            this.stem = stem;
            this.key = key;
            this.sink = sink;
        }

        void add(RawRecord raw, int index) {
            add(raw, index, "");
        }

        /** @param where prefix for failure reasons, e.g. "line 7: " */
        void add(RawRecord raw, int index, String where) {
            seen++;
            if (seen == 1) {
                pending = raw;
                pendingIndex = index;
                pendingWhere = where;
                return;
            }
            flushAsMany();
            emit(raw, index, where);
        }

        void fail(String reason) {
            seen++;
            flushAsMany();
            sink.failure(path, reason);
        }

        void flushAsMany() {
            if (pending != null) {
                RawRecord p = pending;
                pending = null;
                emit(p, pendingIndex, pendingWhere);
            }
        }

        void finish() {
            if (pending == null) {
                if (seen == 0) sink.failure(path, "no records found; add JSON objects or remove the file");
                return;
            }
            RawRecord p = pending;
            pending = null;
            sink.article(path, "", () -> assembler.assemble(p, path.toString(), stem, key, -1));
        }

        private void emit(RawRecord raw, int index, String where) {
            sink.article(path, where, () -> assembler.assemble(raw, path.toString(), stem, key, index));
        }
    }

    /**
     * Hands articles and failures to the sink in reading order. Articles are assembled on the pool (or at once
     * when there is none); everything waits in one queue, so a failure found while reading never overtakes an
     * article read before it. The sink is only ever called from the reading thread.
     */
    private static final class Output {
        /** An article being assembled, or a failure known at once (then {@code future} is null). */
        private record Item(Path path, String where, Future<Article> future, String failure) {}

        private final Sink sink;
        private final ExecutorService pool;
        private final int window;
        private final ArrayDeque<Item> queue = new ArrayDeque<>();

        Output(Sink sink, ExecutorService pool, int window) {
            this.sink = sink;
            this.pool = pool;
            this.window = window;
        }

        /** @param where prefix for the failure reason when assembling fails, e.g. "line 7: " */
        void article(Path path, String where, Callable<Article> assemble) {
            if (pool == null) {
                deliver(path, where, assemble);
                return;
            }
            queue.add(new Item(path, where, pool.submit(assemble), null));
            while (queue.size() > window) deliver(queue.poll());
        }

        void failure(Path path, String reason) {
            if (queue.isEmpty()) sink.failure(path, reason);
            else queue.add(new Item(path, "", null, reason));
        }

        void drain() {
            while (!queue.isEmpty()) deliver(queue.poll());
        }

        private void deliver(Item item) {
            if (item.future() == null) {
                sink.failure(item.path(), item.failure());
                return;
            }
            deliver(item.path(), item.where(), () -> {
                try {
                    return item.future().get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    // not the corpus's fault: passed through to read's caller like a sink's own exception
                    throw new SinkException(new java.util.concurrent.CancellationException("reading the corpus was interrupted"));
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception c ? c : new IllegalStateException(e.getCause());
                }
            });
        }

        /** Runs (or collects) one assembly and reports its article, or its failure as readFile would word it. */
        private void deliver(Path path, String where, Callable<Article> assemble) {
            Article a;
            try {
                a = assemble.call();
            } catch (BadInputException e) {
                sink.failure(path, where + e.getMessage());
                return;
            } catch (SinkException e) {
                throw e;
            } catch (Exception e) {
                // A parser bug or a pathological record must not end the whole ingest; name it so it can be reported.
                log.warn("unexpected error reading {}", path, e);
                sink.failure(path, "unexpected error (" + e + "); skipped; please report this with the file");
                return;
            }
            sink.article(a);
        }
    }

    /** Marks exceptions thrown by the caller's sink so they are rethrown, not reported as a bad file. */
    private static final class SinkException extends RuntimeException {
        SinkException(RuntimeException cause) {
            super(cause);
        }
    }

    private record Sink(ArticleSink delegate) {
        void article(Article a) {
            try {
                delegate.article(a);
            } catch (RuntimeException e) {
                throw new SinkException(e);
            }
        }

        void failure(Path path, String reason) {
            try {
                delegate.failure(path, reason);
            } catch (RuntimeException e) {
                throw new SinkException(e);
            }
        }
    }
}
