package dev.newsdesk.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrecRunTest {
    @Test
    void writesSixColumnsRankedFromOne() throws Exception {
        StringWriter out = new StringWriter();
        try (TrecRun run = new TrecRun(out, "bm25")) {
            run.write("7", List.of(MultiHopEvalTest.hit("x:0", "t", 12.5), MultiHopEvalTest.hit("y:3", "t", 0.016)));
        }
        assertThat(out.toString()).isEqualTo("7 Q0 x:0 1 12.5 bm25\n7 Q0 y:3 2 0.016 bm25\n");
    }

    @Test
    void rejectsTokensThatWouldBreakTheColumns() {
        assertThatThrownBy(() -> TrecRun.line("1", "a b:0", 1, 1, "t")).hasMessageContaining("passage id 'a b:0'");
        assertThatThrownBy(() -> TrecRun.line("1", "a:0", 0, 1, "t")).hasMessageContaining("rank 0");
        assertThatThrownBy(() -> TrecRun.line("1", "a:0", 1, Double.NaN, "t")).hasMessageContaining("not finite");
    }
}
