package dev.newsdesk.index;

import dev.newsdesk.ingest.Article;
import dev.newsdesk.ingest.ContentHash;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one update does, decided from content hashes before anything is written: the articles to write (new or
 * changed, in input order), which of those replace an indexed version, the indexed articles to remove, and the
 * counts for the summary. An unchanged article (same id, same hash) is left alone; an id seen twice keeps its first.
 *
 * @param replacing ids of {@code toWrite} articles already indexed: replaced atomically (new ones are only added)
 */
record UpdatePlan(List<Article> toWrite, Set<String> replacing, List<String> toRemove, int added, int updated,
                  int unchanged) {
    /** Logged under the updater, whose job this bookkeeping is part of. */
    private static final Logger log = LoggerFactory.getLogger(IndexUpdater.class);

    /**
     * @param existing what the index holds, by id
     * @param prune    decides, for an indexed article absent from {@code articles}, whether to remove it
     */
    static UpdatePlan of(List<Article> articles, Map<String, IndexedArticle> existing, Predicate<IndexedArticle> prune) {
        Set<String> seen = new HashSet<>();
        List<Article> toWrite = new ArrayList<>();
        Set<String> replacing = new HashSet<>();
        int unchanged = 0, added = 0, updated = 0;
        for (Article a : articles) {
            if (!seen.add(a.id())) {
                log.warn("article id {} appears twice (second from {}); keeping the first", a.id(), a.source());
                continue;
            }
            IndexedArticle old = existing.get(a.id());
            if (old != null && Objects.equals(old.contentHash(), ContentHash.of(a))) {
                unchanged++;
            } else {
                toWrite.add(a);
                if (old == null) {
                    added++;
                } else {
                    updated++;
                    replacing.add(a.id());
                }
            }
        }
        List<String> toRemove = new ArrayList<>();
        for (IndexedArticle old : existing.values()) {
            if (!seen.contains(old.id()) && prune.test(old)) toRemove.add(old.id());
        }
        return new UpdatePlan(toWrite, replacing, toRemove, added, updated, unchanged);
    }
}
