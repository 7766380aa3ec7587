package dev.newsdesk.discord;

import dev.newsdesk.retrieve.ArticleView;
import dev.newsdesk.retrieve.Catalog;
import dev.newsdesk.retrieve.Filters;
import dev.newsdesk.retrieve.Hit;
import dev.newsdesk.retrieve.Retriever;
import dev.newsdesk.retrieve.SearchRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.events.interaction.command.GenericCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;

/**
 * {@code /source quote}: which articles contain a quote. Retrieves passages for the quote, then checks each
 * candidate article's text: "exact" when the quote occurs in it after whitespace/quote-mark normalisation,
 * "near" when most of the quote's words occur in the passage.
 */
record SourceCommand(Retriever retriever, Catalog catalog, Interactions interactions) implements SlashCommand {
    static final int CANDIDATES = 30;
    static final int SHOWN = 10;
    static final double NEAR = 0.6;

    @Override
    public CommandData data() {
        return Commands.slash("source", "Find the articles that contain a quote, exactly or nearly")
                .addOptions(new OptionData(OptionType.STRING, "quote", "The quote to look for", true).setMaxLength(1000))
                .setContexts(InteractionContextType.GUILD);
    }

    @Override
    public void handle(GenericCommandInteractionEvent event) {
        String quote = CommandOptions.text(event, "quote");
        if (quote == null || AnswerFormatter.normaliseForMatch(quote).length() < 3) {
            Replies.ephemeral(event, "Give a quote of at least a few words.");
            return;
        }
        interactions.quickPublic(event, () -> find(quote));
    }

    record Match(String articleId, boolean exact, Hit hit) {}

    /** Candidate articles, exact matches first, at most {@value #SHOWN}. */
    List<Match> matches(String quote) {
        String q = AnswerFormatter.normaliseForMatch(stripOuterQuotes(quote));
        Set<String> words = words(q);
        Map<String, Match> byArticle = new LinkedHashMap<>();
        for (Hit h : retriever.search(new SearchRequest(quote, Filters.NONE, CANDIDATES))) {
            if (byArticle.containsKey(h.articleId()) && byArticle.get(h.articleId()).exact()) continue;
            boolean exact = AnswerFormatter.normaliseForMatch(h.text()).contains(q);
            if (!exact && !byArticle.containsKey(h.articleId())) {
                // A quote may straddle two passages: check the whole article once.
                exact = catalog.article(h.articleId()).map(ArticleView::body)
                        .map(b -> AnswerFormatter.normaliseForMatch(b).contains(q)).orElse(false);
            }
            if (exact) {
                byArticle.put(h.articleId(), new Match(h.articleId(), true, h));
            } else if (!byArticle.containsKey(h.articleId()) && overlap(words, words(AnswerFormatter.normaliseForMatch(h.text()))) >= NEAR) {
                byArticle.put(h.articleId(), new Match(h.articleId(), false, h));
            }
        }
        List<Match> out = new ArrayList<>(byArticle.values());
        out.sort((a, b) -> Boolean.compare(b.exact(), a.exact()));
        return out.subList(0, Math.min(SHOWN, out.size()));
    }

    private MessageEmbed find(String quote) {
        List<Match> found = matches(quote);
        StringBuilder sb = new StringBuilder();
        sb.append("> ").append(AnswerFormatter.shorten(quote.strip().replace("\n", " "), 300)).append("\n\n");
        if (found.isEmpty()) {
            sb.append("No article in the index contains this quote, exactly or nearly.");
        }
        for (Match m : found) {
            Hit h = m.hit();
            sb.append(m.exact() ? "**exact** — " : "*near* — ").append(h.outlet()).append(" — ")
                    .append(AnswerFormatter.shorten(h.title(), 150));
            if (h.published() != null) sb.append(" (").append(h.published()).append(')');
            if (h.url() != null && !h.url().isBlank()) sb.append(" <").append(h.url().strip()).append('>');
            sb.append('\n');
        }
        return Replies.textEmbed("Where is this quote from?", sb.toString());
    }

    static String stripOuterQuotes(String s) {
        String t = s.strip();
        if (t.length() >= 2 && "\"'“”‘’".indexOf(t.charAt(0)) >= 0 && "\"'“”‘’".indexOf(t.charAt(t.length() - 1)) >= 0) {
            return t.substring(1, t.length() - 1);
        }
        return t;
    }

    private static Set<String> words(String normalised) {
        return Arrays.stream(normalised.split("[^\\p{L}\\p{N}]+")).filter(w -> w.length() > 2).collect(Collectors.toSet());
    }

    private static double overlap(Set<String> quoteWords, Set<String> passageWords) {
        if (quoteWords.isEmpty()) return 0;
        long in = quoteWords.stream().filter(passageWords::contains).count();
        return (double) in / quoteWords.size();
    }
}
