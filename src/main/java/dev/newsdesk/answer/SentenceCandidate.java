package dev.newsdesk.answer;

import dev.newsdesk.retrieve.Hit;
import java.util.Set;

/**
 * A sentence of a retrieved passage that could go into an extractive answer, with what choosing it needs.
 *
 * @param rank            the passage's place in the retrieval (which already weighed outlets, dates and parts)
 * @param start           offset of the sentence in the article's cleaned text ({@code end} exclusive)
 * @param terms           the sentence's analysed terms
 * @param coverage        the share of the question's weighted terms the sentence holds
 * @param passageCoverage the share its whole passage holds (context that makes the sentence relevant)
 */
public record SentenceCandidate(Hit hit, int rank, int start, int end, String text, Set<String> terms, double coverage,
                                double passageCoverage) {}
