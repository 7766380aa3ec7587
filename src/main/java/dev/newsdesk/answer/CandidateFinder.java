package dev.newsdesk.answer;

import dev.newsdesk.ingest.SentenceSplitter;
import dev.newsdesk.ingest.Span;
import dev.newsdesk.retrieve.Hit;
import dev.newsdesk.retrieve.Lexicon;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The first stage of the extractive answer after retrieval: every answer-like sentence of the hits, scored. */
final class CandidateFinder {
    private final Lexicon lexicon;
    private final SentenceSplitter splitter;

    CandidateFinder(Lexicon lexicon, SentenceSplitter splitter) {
        this.lexicon = lexicon;
        this.splitter = splitter;
    }

    /** @param bestPassage the largest share of the question's weighted terms any one passage holds */
    record Found(List<SentenceCandidate> candidates, double bestPassage) {
        double bestSentence() {
            return candidates.stream().mapToDouble(SentenceCandidate::coverage).max().orElse(0);
        }
    }

    Found find(QuestionTerms question, List<Hit> hits) {
        List<SentenceCandidate> candidates = new ArrayList<>();
        double bestPassage = 0;
        for (int rank = 0; rank < hits.size(); rank++) {
            Hit hit = hits.get(rank);
            Set<String> passageTerms = new HashSet<>(lexicon.terms(hit.text()));
            double pc = question.coverage(passageTerms) / question.total();
            bestPassage = Math.max(bestPassage, pc);
            for (Span span : splitter.split(hit.text())) {
                String s = hit.text().substring(span.start(), span.end());
                if (!answerLike(s)) continue;
                Set<String> terms = new HashSet<>(lexicon.terms(s));
                double c = question.coverage(terms) / question.total();
                if (c == 0) continue;
                candidates.add(new SentenceCandidate(hit, rank, hit.start() + span.start(), hit.start() + span.end(), s, terms, c, pc));
            }
        }
        return new Found(candidates, bestPassage);
    }

    /** Skips fragments that make poor answers: questions, very short lines, captions without a verb-like length. */
    private static boolean answerLike(String s) {
        if (s.endsWith("?")) return false;
        int words = s.split("\\s+").length;
        return words >= 6 && words <= 90;
    }

}
