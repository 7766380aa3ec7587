package dev.newsdesk.coverage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where outlets' accounts of the same point differ: numbers, quotations and who said them. Works within each group of
 * sentences that report the same thing ({@link Grouper}); each disagreement is reported once, citing both sides.
 * One stage of {@link CoverageComparer}.
 */
final class Disagreements {
    private static final Pattern QUOTE = Pattern.compile("[“\"]([^”\"]{8,400})[”\"]");

    private Disagreements() {}

    /** Number and quotation disagreements between outlets within each group, each reported once. */
    static List<Comparison.Disagreement> find(List<SentenceGroup> groups, CitationList citations) {
        List<Comparison.Disagreement> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (SentenceGroup g : groups) {
            if (g.outlets().size() < 2) continue;
            List<CoverageSentence> members = g.byDate();
            for (int i = 0; i < members.size(); i++) {
                for (int j = i + 1; j < members.size(); j++) {
                    CoverageSentence a = members.get(i);
                    CoverageSentence b = members.get(j);
                    if (a.outlet().equals(b.outlet())) continue;
                    numbers(a, b, citations, seen, out);
                    quotes(a, b, citations, seen, out);
                    attributions(a, b, citations, seen, out);
                }
            }
        }
        return out;
    }

    private static void numbers(CoverageSentence a, CoverageSentence b, CitationList citations, Set<String> seen,
                                List<Comparison.Disagreement> out) {
        List<NumberClaims.Claim> ca = NumberClaims.of(a.text());
        List<NumberClaims.Claim> cb = NumberClaims.of(b.text());
        for (NumberClaims.Claim x : ca) {
            for (NumberClaims.Claim y : cb) {
                if (!x.unit().equals(y.unit()) || x.value().equals(y.value())) continue;
                // the same value stated elsewhere in the other sentence is no disagreement
                if (cb.stream().anyMatch(z -> z.unit().equals(x.unit()) && z.value().equals(x.value()))) continue;
                if (ca.stream().anyMatch(z -> z.unit().equals(y.unit()) && z.value().equals(y.value()))) continue;
                String key = "n|" + x.unit() + "|" + a.outlet() + "|" + b.outlet() + "|" + x.value() + "|" + y.value();
                if (!seen.add(key)) continue;
                out.add(new Comparison.Disagreement("number", x.unit(), List.of(
                        new Comparison.Claim(a.outlet(), x.phrase(), citations.cite(a)),
                        new Comparison.Claim(b.outlet(), y.phrase(), citations.cite(b)))));
            }
        }
    }

    private static void quotes(CoverageSentence a, CoverageSentence b, CitationList citations, Set<String> seen,
                               List<Comparison.Disagreement> out) {
        for (String qa : quotations(a.text())) {
            for (String qb : quotations(b.text())) {
                Set<String> wa = words(qa);
                Set<String> wb = words(qb);
                if (wa.equals(wb)) continue;
                Set<String> inter = new HashSet<>(wa);
                inter.retainAll(wb);
                double jaccard = (double) inter.size() / (wa.size() + wb.size() - inter.size());
                if (jaccard < 0.5) continue;
                String key = "q|" + a.outlet() + "|" + b.outlet() + "|" + wa + "|" + wb;
                if (!seen.add(key)) continue;
                out.add(new Comparison.Disagreement("quote", qa, List.of(
                        new Comparison.Claim(a.outlet(), "\u201c" + qa + "\u201d", citations.cite(a)),
                        new Comparison.Claim(b.outlet(), "\u201c" + qb + "\u201d", citations.cite(b)))));
            }
        }
    }

    /** Shortest shared quotation, in words, for two sentences to be reporting the same words. */
    static final int MIN_SHARED_QUOTE_WORDS = 4;
    private static final String NAME = "[A-Z][\\p{L}'\u2019.-]+";
    private static final Pattern SPEAKER_BEFORE_VERB = Pattern.compile("(" + NAME + "(?:\\s+" + NAME + ")*)\\s+(?:said|says|told|added|stated|wrote)\\b");
    private static final Pattern SPEAKER_AFTER_VERB = Pattern.compile("\\b(?:said|says|told|added|stated|wrote|according to)\\s+(" + NAME + "(?:\\s+" + NAME + ")*)");
    private static final Set<String> NOT_SPEAKERS = Set.of("he", "she", "they", "it", "we", "i", "you", "this", "that",
            "the", "a", "an", "officials", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");

    /**
     * The same words quoted by two outlets but put in different mouths: both sentences share a quotation (the same
     * words, at least {@value #MIN_SHARED_QUOTE_WORDS} of them) and name a speaker outside it whose surnames differ.
     * The speaker is the run of capitalised words next to a speech verb ("Yoav Gallant said", "said Benjamin
     * Netanyahu", "according to ..."); pronouns and sentences without a named speaker are never compared.
     */
    private static void attributions(CoverageSentence a, CoverageSentence b, CitationList citations, Set<String> seen,
                                     List<Comparison.Disagreement> out) {
        for (String qa : quotations(a.text())) {
            for (String qb : quotations(b.text())) {
                Set<String> wa = words(qa);
                if (wa.size() < MIN_SHARED_QUOTE_WORDS || !wa.equals(words(qb))) continue;
                String sa = speaker(a.text());
                String sb = speaker(b.text());
                if (sa == null || sb == null) continue;
                if (surname(sa).equalsIgnoreCase(surname(sb))) continue;
                String key = "a|" + a.outlet() + "|" + b.outlet() + "|" + wa;
                if (!seen.add(key)) continue;
                out.add(new Comparison.Disagreement("attribution", qa.replaceAll("[,;:]+$", ""), List.of(
                        new Comparison.Claim(a.outlet(), sa, citations.cite(a)),
                        new Comparison.Claim(b.outlet(), sb, citations.cite(b)))));
            }
        }
    }

    /** The named speaker of a sentence, outside its quotations, or null when it names none. */
    static String speaker(String sentence) {
        String outside = QUOTE.matcher(sentence).replaceAll(" \u2026 ");
        for (Pattern p : List.of(SPEAKER_BEFORE_VERB, SPEAKER_AFTER_VERB)) {
            Matcher m = p.matcher(outside);
            while (m.find()) {
                List<String> run = new ArrayList<>(List.of(m.group(1).strip().split("\\s+")));
                run.removeIf(w -> NOT_SPEAKERS.contains(w.toLowerCase(Locale.ROOT).replaceAll("[.,]", "")));
                if (!run.isEmpty()) return String.join(" ", run).replaceAll("[.,]+$", "");
            }
        }
        return null;
    }

    private static String surname(String speaker) {
        String[] parts = speaker.split("\\s+");
        return parts[parts.length - 1].replaceAll("[\u2019']s$", "");
    }

    private static List<String> quotations(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = QUOTE.matcher(s);
        while (m.find()) if (m.group(1).strip().split("\\s+").length >= 3) out.add(m.group(1).strip());
        return out;
    }

    private static Set<String> words(String s) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) if (!w.isEmpty()) out.add(w);
        return out;
    }
}
