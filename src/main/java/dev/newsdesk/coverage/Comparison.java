package dev.newsdesk.coverage;

import dev.newsdesk.answer.Answer;
import java.util.List;

/**
 * How outlets covered a topic: the answer (text with [n] markers, citations) and its parts.
 *
 * @param outlets one section per compared outlet, in the order compared
 * @param disagreements numbers or quotes that differ between outlets for the same grouped event
 */
public record Comparison(String topic, Answer answer, List<OutletSection> outlets, List<Disagreement> disagreements) {
    public Comparison {
        outlets = List.copyOf(outlets);
        disagreements = List.copyOf(disagreements);
    }

    /** A sentence with its citation numbers. */
    public record Item(String text, List<String> outlets, List<Integer> cited) {
        public Item {
            outlets = List.copyOf(outlets);
            cited = List.copyOf(cited);
        }
    }

    /**
     * @param reported the outlet's best 1-3 sentences on the topic
     * @param notReported what other compared outlets reported that this one did not
     */
    public record OutletSection(String outlet, int articles, List<Item> reported, List<Item> notReported) {
        public OutletSection {
            reported = List.copyOf(reported);
            notReported = List.copyOf(notReported);
        }
    }

    /**
     * @param kind "number", "quote" (the same statement worded differently) or "attribution" (the same words put in
     *             different mouths)
     * @param subject what differs: the unit counted ("drone"), or the quoted words
     * @param claims one per outlet: what it says, with its citation
     */
    public record Disagreement(String kind, String subject, List<Claim> claims) {
        public Disagreement {
            claims = List.copyOf(claims);
        }
    }

    /**
     * @param says the number phrase ("350 drones"), the quotation as the outlet printed it, or (for an attribution)
     *             the speaker the outlet names
     */
    public record Claim(String outlet, String says, int cited) {}
}
