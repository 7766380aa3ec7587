package dev.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsdesk.index.TestCorpus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The fixture corpus of the cluster ITs: the repo's seed corpus (five articles, outlets and dates) plus, when the
 * shared BBC dataset is present, its first {@link #BBC_PER_CATEGORY} articles of each of its five categories, given an
 * outlet per category ("BBC Business", ...) and a date in 2005 so outlet and date filters have something to choose.
 */
final class ElasticFixture {
    static final int BBC_PER_CATEGORY = 100;

    private ElasticFixture() {}

    /** Writes the corpus into {@code dir} and returns it. */
    static Path write(Path dir) {
        try {
            Files.createDirectories(dir);
            try (Stream<Path> s = Files.list(TestCorpus.seedCorpus())) {
                for (Path p : s.filter(p -> p.toString().endsWith(".md")).toList()) Files.copy(p, dir.resolve(p.getFileName()));
            }
            Path bbc = Path.of(System.getProperty("newsdesk.shared", "../shared")).resolve("datasets/bbc/bbc-articles.jsonl.gz");
            if (Files.isReadable(bbc)) writeBbc(bbc, dir.resolve("bbc-subset.jsonl"));
            else System.out.println("elastic fixture: " + bbc + " missing; the seed corpus alone");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean hasBbc(Path dir) {
        return Files.exists(dir.resolve("bbc-subset.jsonl"));
    }

    private static void writeBbc(Path from, Path to) throws IOException {
        ObjectMapper m = new ObjectMapper();
        Map<String, Integer> seen = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(from)), StandardCharsets.UTF_8));
             Writer w = Files.newBufferedWriter(to, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                JsonNode d = m.readTree(line);
                String cat = d.path("category").asText();
                int n = seen.merge(cat, 1, Integer::sum);
                if (n > BBC_PER_CATEGORY) continue;
                ObjectNode o = m.createObjectNode();
                o.put("id", d.path("id").asText());
                o.put("title", d.path("title").asText());
                o.put("source", "BBC " + Character.toUpperCase(cat.charAt(0)) + cat.substring(1));
                o.put("published_at", LocalDate.of(2005, 1, 1).plusDays((n * 7L) % 360).toString());
                o.put("body", d.path("body").asText());
                w.write(m.writeValueAsString(o));
                w.write('\n');
            }
        }
    }

    /** Ingests {@code corpus} (BM25 only) into the home's configured backend, or the Lucene index at {@code index}. */
    static void ingest(Path corpus, Path home, Path index) {
        List<String> args = new java.util.ArrayList<>(List.of("ingest", corpus.toString(), "--no-vectors", "--quiet", "--home", home.toString()));
        if (index != null) args.addAll(List.of("--index", index.toString()));
        Cli.Result r = Cli.run(args.toArray(String[]::new)).assertNoStackTrace();
        assertThat(r.status()).as(r.toString()).isZero();
    }

    /** Realistic questions over the fixture: the seed corpus first, then the BBC subset by category. */
    static final List<String> QUESTIONS = List.of(
            "What did Blinken tell Jewish leaders after Iran's attack?",
            "Why did Blinken meet Netanyahu during the ceasefire push?",
            "How should Israel respond to the Iran attack according to Blinken?",
            "What did Blinken say to Gantz about escalation with Iran?",
            "What were the Jerusalem meetings about the Israel-Hamas ceasefire meant to secure?",
            "Which Jewish organizations attended the State Department meeting?",
            "Why did Time Warner's quarterly profits jump?",
            "Is Pernod going to take over Allied Domecq?",
            "How much did Ethiopia's crop production grow?",
            "What did Yukos lose in the US bankruptcy court?",
            "What did the Fed chief warn about the US deficit?",
            "Why did US crude oil prices surge?",
            "How is the weak dollar hurting Reuters?",
            "What new aircraft did Boeing unveil?",
            "Why is BMW recalling diesel cars?",
            "How did Argentina close its debt swap?",
            "Which novel won the Whitbread prize?",
            "Why is the Da Vinci Code called lousy history?",
            "Which film leads the US box office?",
            "Who won the actors awards, Foxx or Swank?",
            "Why is the church angry about a Bollywood film?",
            "What did the DVD review say about Spider-Man 2?",
            "What does Labour plan for maternity pay?",
            "What did Howard say about asylum criticisms?",
            "Why does the UK need true immigration data?",
            "What are the plans for ID cards from Clarke?",
            "Why did Kennedy call for an Iraq exit plan?",
            "How does the UK plan to deport terror suspects?",
            "How did Dibaba break the 5,000m world record?",
            "Why were the Greek sprinters suspended by the IAAF?",
            "What is the trial date in the Balco case?",
            "Will Radcliffe compete in the London marathon?",
            "Why was Chepkemei banned?",
            "Why is Apple's laptop called the greatest gadget?",
            "When does the Sony PSP console reach the US?",
            "Why do open source leaders oppose software patents?",
            "What is the evil twin threat to wireless networks?",
            "How does Microsoft's own search engine work?",
            "Which game swept the Bafta awards?",
            "What are the privacy concerns over RFID tags?");
}
