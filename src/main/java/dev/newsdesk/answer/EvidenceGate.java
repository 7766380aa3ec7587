package dev.newsdesk.answer;

import dev.newsdesk.retrieve.Lexicon;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides before answering whether the coverage can answer at all, with a reason a reader can check: the
 * question attributes coverage to an outlet the index does not carry, or names someone or something no passage
 * ever mentions. Either way no choice of sentences makes an honest answer. Measured on MultiHop-RAG's null
 * queries (docs/benchmarks.md). Thread-safe.
 */
public final class EvidenceGate {
    /** Capitalised words not at the start of a sentence: names of people, places, companies, products. */
    private static final Pattern NAME = Pattern.compile("(?<![.?!:]\\s)(?<!^)\\b\\p{Lu}[\\p{L}\\p{N}'’-]+");

    private final Lexicon lexicon;
    private final Function<String, List<String>> unknownOutlets;

    /** @param unknownOutlets sources the question attributes coverage to that the index lacks (see QueryPlanner) */
    public EvidenceGate(Lexicon lexicon, Function<String, List<String>> unknownOutlets) {
        this.lexicon = lexicon;
        this.unknownOutlets = unknownOutlets;
    }

    /** @return why the coverage cannot answer, as a clause ("it has no articles from Forbes"), or empty */
    public Optional<String> reasonToAbstain(String question) {
        List<String> outlets = unknownOutlets.apply(question);
        if (!outlets.isEmpty()) {
            return Optional.of("it has no articles from " + join(outlets, "or"));
        }
        List<String> unseen = unseenNames(question);
        if (!unseen.isEmpty()) {
            // names the question's own words, so the reader sees what the coverage lacks rather than a terse verdict
            return Optional.of(unseen.size() == 1
                    ? "the word " + join(unseen, "and") + " from your question appears in no indexed article"
                    : "the words " + join(unseen, "and") + " from your question appear in no indexed article");
        }
        return Optional.empty();
    }

    /** Names in the question with a word that no passage contains. */
    List<String> unseenNames(String question) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = NAME.matcher(question);
        while (m.find()) {
            String name = m.group();
            if (dev.newsdesk.retrieve.QueryPlanner.isCalendarWord(name)) continue;
            for (String term : lexicon.terms(name)) {
                if (lexicon.docFreq(term) == 0) {
                    out.add(name.replaceAll("['’]s$", ""));
                    break;
                }
            }
        }
        return new ArrayList<>(out);
    }

    private static String join(List<String> names, String conjunction) {
        List<String> quoted = names.stream().limit(3).map(n -> "\u201c" + n + "\u201d").toList();
        if (quoted.size() == 1) return quoted.getFirst();
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " " + conjunction + " " + quoted.getLast();
    }
}
