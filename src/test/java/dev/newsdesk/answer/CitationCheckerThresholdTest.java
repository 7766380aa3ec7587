package dev.newsdesk.answer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.newsdesk.retrieve.Hit;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Measures the support threshold on the labelled pairs in {@code answer/support-pairs.jsonl} (built by
 * {@code make-support-pairs.py} from the seed corpus and MultiHop-RAG excerpts). Prints a sweep so the
 * default can be re-tuned, and asserts precision/recall floors at the shipped defaults.
 */
class CitationCheckerThresholdTest {
    record Pair(String kind, String sentence, String passage, boolean supported) {}

    record Score(Pair pair, double support) {}

    static List<Pair> pairs;
    static EmbeddingModel embeddings;

    @BeforeAll
    static void load() throws Exception {
        ObjectMapper json = new ObjectMapper();
        pairs = new ArrayList<>();
        try (var in = CitationCheckerThresholdTest.class.getResourceAsStream("/answer/support-pairs.jsonl");
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) continue;
                JsonNode n = json.readTree(line);
                pairs.add(new Pair(n.get("kind").asText(), n.get("sentence").asText(), n.get("passage").asText(),
                        n.get("label").asInt() == 1));
            }
        }
        embeddings = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }

    @Test
    void blendedScoreMeetsFloorsAtDefaultThreshold() {
        List<Score> scores = score(new CitationChecker(embeddings, 0.0001, CitationChecker.Mode.DROP));
        sweep("blended (lexical + all-MiniLM-L6-v2-q)", scores);
        double[] pr = precisionRecall(scores, CitationChecker.DEFAULT_THRESHOLD);
        System.out.printf(Locale.ROOT, "blended @ %.3f over %d pairs: precision %.3f recall %.3f%n",
                CitationChecker.DEFAULT_THRESHOLD, scores.size(), pr[0], pr[1]);
        misses(scores, CitationChecker.DEFAULT_THRESHOLD);
        assertThat(pairs).hasSizeGreaterThanOrEqualTo(80);
        assertThat(pr[0]).as("precision").isGreaterThanOrEqualTo(0.85);
        assertThat(pr[1]).as("recall").isGreaterThanOrEqualTo(0.75);
    }

    @Test
    void lexicalOnlyScoreMeetsFloorsAtItsThreshold() {
        List<Score> scores = score(new CitationChecker(null, 0.0001, CitationChecker.Mode.DROP));
        sweep("lexical only", scores);
        double[] pr = precisionRecall(scores, CitationChecker.LEXICAL_THRESHOLD);
        System.out.printf(Locale.ROOT, "lexical @ %.3f over %d pairs: precision %.3f recall %.3f%n",
                CitationChecker.LEXICAL_THRESHOLD, scores.size(), pr[0], pr[1]);
        assertThat(pr[0]).as("precision").isGreaterThanOrEqualTo(0.85);
        assertThat(pr[1]).as("recall").isGreaterThanOrEqualTo(0.75);
    }

    /** Scores each pair through the full check (markers, quotation rule), one cited passage per sentence. */
    private static List<Score> score(CitationChecker checker) {
        List<Score> scores = new ArrayList<>();
        for (Pair p : pairs) {
            Hit hit = new Hit("a:0", "a", 0, 0, p.passage().length(), p.passage(), "t", "o", null, null, 1, p.passage());
            CitationChecker.Result r = checker.check(p.sentence() + " [1]", List.of(hit));
            assertThat(r.sentences()).as(p.sentence()).hasSize(1);
            scores.add(new Score(p, r.sentences().getFirst().supported() ? r.sentences().getFirst().support() : 0));
        }
        return scores;
    }

    private static double[] precisionRecall(List<Score> scores, double threshold) {
        int tp = 0, fp = 0, fn = 0;
        for (Score s : scores) {
            boolean predicted = s.support() >= threshold && s.support() > 0;
            if (predicted && s.pair().supported()) tp++;
            else if (predicted) fp++;
            else if (s.pair().supported()) fn++;
        }
        return new double[] {tp + fp == 0 ? 1 : (double) tp / (tp + fp), tp + fn == 0 ? 1 : (double) tp / (tp + fn)};
    }

    private static void sweep(String name, List<Score> scores) {
        StringBuilder out = new StringBuilder("threshold sweep, " + name + ":\n");
        for (double t = 0.30; t <= 0.901; t += 0.025) {
            double[] pr = precisionRecall(scores, t);
            double f1 = pr[0] + pr[1] == 0 ? 0 : 2 * pr[0] * pr[1] / (pr[0] + pr[1]);
            out.append(String.format(Locale.ROOT, "  t=%.3f  P=%.3f  R=%.3f  F1=%.3f%n", t, pr[0], pr[1], f1));
        }
        System.out.print(out);
    }

    private static void misses(List<Score> scores, double threshold) {
        for (Score s : scores) {
            boolean predicted = s.support() >= threshold && s.support() > 0;
            if (predicted != s.pair().supported()) {
                System.out.printf(Locale.ROOT, "  miss (%s, label %s, score %.3f): %s%n", s.pair().kind(),
                        s.pair().supported(), s.support(), s.pair().sentence());
            }
        }
    }
}
