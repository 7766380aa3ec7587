package dev.newsdesk.answer;

import dev.newsdesk.retrieve.Hit;
import java.util.List;

/**
 * A stage between the extractive answerer's sentence choice and the answer the reader gets: it sees the question,
 * the retrieved passages and the chosen sentences, and may add to the drafted answer (an extracted lead that states
 * the answer first, say) or take from it (sentences that do not answer). A stage that finds nothing left returns an
 * abstained answer without citations, its reason in {@code note}; the answerer then lists the closest articles. Stages run in the order given to {@link ExtractiveAnswerer}; abstentions do not reach them.
 */
@FunctionalInterface
public interface AnswerRefiner {
    /**
     * @param hits   the passages retrieved for the question, best first
     * @param chosen the sentences the answer quotes, in answer order ({@code draft}'s citation n is index n-1)
     * @param draft  the answer so far
     * @return the answer to show: {@code draft} itself, or a new one built from it
     */
    Answer refine(Question question, List<Hit> hits, List<SentenceCandidate> chosen, Answer draft);
}
