package dev.newsdesk.retrieve;

import dev.newsdesk.index.ArticleFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.join.BitSetProducer;
import org.apache.lucene.search.join.QueryBitSetProducer;
import org.apache.lucene.util.BitSet;

/**
 * BM25 over single sentences, answering with the passages they belong to ("small-to-big" retrieval). A 256-token
 * passage that uses a question's words here and there scores like the passage whose one sentence states what the
 * question asks; scored sentence by sentence, the second wins. Each passage takes the score of its best sentence.
 *
 * <p>Ingest writes a passage's sentence documents right before the passage document, in one block (Lucene keeps a
 * block's documents adjacent and in order through merges), so a sentence's passage is the next passage document: one
 * lookup in a per-segment bit set, no stored field read per sentence. Lucene's {@code ToParentBlockJoinQuery} does the
 * same mapping but scores every matching sentence; a plain top-k query skips most of them and measured ~15% faster
 * per planned question (docs/benchmarks.md). The query shape (term clauses, proximity pairs, settings) is
 * {@link Bm25Retriever}'s, without headline clauses: a sentence is found by what it says. Filters (outlet, date) are
 * on the sentence documents and run inside the query.
 *
 * <p>Thread-safe.
 */
public final class SentenceRetriever implements Retriever {
    /** Sentences read per passage asked for: a passage's several matching sentences must not crowd others out. */
    static final int SENTENCES_PER_PASSAGE = 3;

    private final LuceneIndex index;
    private final Bm25Retriever queries;
    /** Which documents are passages, cached per segment by Lucene. */
    private final BitSetProducer passages =
            new QueryBitSetProducer(new TermQuery(new Term(ArticleFields.KIND, ArticleFields.KIND_PASSAGE)));

    public SentenceRetriever(LuceneIndex index) {
        this(index, false);
    }

    /** @param snippets whether hits carry the passage with the question's words marked, as {@link Bm25Retriever}'s do */
    public SentenceRetriever(LuceneIndex index, boolean snippets) {
        this(index, snippets, Bm25Retriever.Settings.DEFAULTS);
    }

    public SentenceRetriever(LuceneIndex index, boolean snippets, Bm25Retriever.Settings settings) {
        this.index = index;
        this.queries = new Bm25Retriever(index, snippets, settings);
    }

    public Query query(String text, Filters filters) {
        return new BooleanQuery.Builder()
                .add(queries.scoring(text, ArticleFields.SENTENCE, null), BooleanClause.Occur.MUST)
                .add(LuceneQueries.filter(ArticleFields.KIND_SENTENCE, filters), BooleanClause.Occur.FILTER)
                .build();
    }

    @Override
    public List<Hit> search(SearchRequest request) {
        Query q = query(request.query(), request.filters());
        return index.withSearcher(shared -> {
            IndexSearcher searcher = queries.searcher(shared);
            TopDocs top = searcher.search(q, request.limit() * SENTENCES_PER_PASSAGE);
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            Map<Integer, Float> best = new LinkedHashMap<>();
            for (ScoreDoc sd : top.scoreDocs) {
                if (best.size() == request.limit()) break;
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
                BitSet isPassage = passages.getBitSet(leaf);
                int passage = isPassage == null ? DocIdSetIterator.NO_MORE_DOCS : isPassage.nextSetBit(sd.doc - leaf.docBase);
                if (passage == DocIdSetIterator.NO_MORE_DOCS) continue; // cannot happen in an index ingest wrote
                best.putIfAbsent(leaf.docBase + passage, sd.score);
            }
            ScoreDoc[] found = best.entrySet().stream().map(e -> new ScoreDoc(e.getKey(), e.getValue())).toArray(ScoreDoc[]::new);
            // Marked as a passage search would mark them: the question's words in the whole passage.
            String[] marked = queries.snippets(searcher, queries.query(request.query(), request.filters()),
                    new TopDocs(top.totalHits, found));
            StoredFields stored = searcher.storedFields();
            List<Hit> hits = new ArrayList<>(found.length);
            for (int i = 0; i < found.length; i++) {
                hits.add(LuceneQueries.toHit(stored, found[i].doc, found[i].score, marked == null ? null : marked[i]));
            }
            return hits;
        });
    }
}
