package dev.newsdesk.coverage;

import dev.newsdesk.answer.Answer;
import java.time.LocalDate;
import java.util.List;

/**
 * A coverage summary: the answer (text with [n] markers, citations) and its points in order.
 *
 * @param points the key points, most widely and earliest reported first
 */
public record Summary(String topic, Answer answer, List<Point> points) {
    public Summary {
        points = List.copyOf(points);
    }

    /**
     * One key point.
     *
     * @param text the point as shown, without markers (verbatim from an article offline, or written by the model)
     * @param written true when a chat model wrote the point and its citations were checked
     * @param outlets the outlets that report it, earliest first
     * @param articles how many distinct articles report it
     * @param firstReported the earliest publication date among them, or null
     * @param cited citation numbers in the answer, one per reporting article
     */
    public record Point(String text, boolean written, List<String> outlets, int articles, LocalDate firstReported,
                        List<Integer> cited) {
        public Point {
            outlets = List.copyOf(outlets);
            cited = List.copyOf(cited);
        }
    }
}
