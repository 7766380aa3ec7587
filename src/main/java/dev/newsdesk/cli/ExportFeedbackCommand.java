package dev.newsdesk.cli;

import dev.newsdesk.store.Store;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "export-feedback", description = "Write the stored feedback as labelled JSONL: question, answer, "
        + "citation, quote, passage text, label (reported, up, down), reason.")
final class ExportFeedbackCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The JSONL file to write (replaced whole).")
    Path out;

    @Override
    public Integer call() throws Exception {
        Path target = out.toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw new IllegalArgumentException("--out " + out + " is a folder; give a file name, e.g. feedback.jsonl");
        }
        Path dir = target.getParent();
        Files.createDirectories(dir);
        // written beside the target and moved over it, so a failure never leaves half a file
        Path tmp = Files.createTempFile(dir, ".export-", ".jsonl");
        int n;
        try (Store store = Store.open(App.create(common).storeSettings());
             BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            n = store.exportFeedback(e -> {
                try {
                    w.write(Json.writeLine(e));
                    w.newLine();
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            });
        } catch (RuntimeException | IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        common.out().printf("Wrote %d labelled examples to %s.%n", n, out);
        return 0;
    }
}
