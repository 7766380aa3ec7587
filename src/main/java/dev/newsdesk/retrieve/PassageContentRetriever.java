package dev.newsdesk.retrieve;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;
import java.util.List;

/**
 * Any newsdesk {@link Retriever} as a LangChain4j {@link ContentRetriever}, so it plugs into LangChain4j's RAG
 * pipeline ({@code DefaultRetrievalAugmentor}, AI services). Each content carries the citation metadata: passage
 * and article ids, outlet, headline, date, url and the passage's offsets in the article.
 */
public final class PassageContentRetriever implements ContentRetriever {
    private final Retriever retriever;
    private final Filters filters;
    private final int maxResults;

    public PassageContentRetriever(Retriever retriever, Filters filters, int maxResults) {
        this.retriever = retriever;
        this.filters = filters == null ? Filters.NONE : filters;
        this.maxResults = maxResults;
    }

    @Override
    public List<Content> retrieve(Query query) {
        return retriever.search(new SearchRequest(query.text(), filters, maxResults)).stream()
                .map(PassageContentRetriever::toContent).toList();
    }

    static Content toContent(Hit h) {
        Metadata m = new Metadata()
                .put("passage_id", h.passageId())
                .put("article_id", h.articleId())
                .put("outlet", h.outlet())
                .put("title", h.title())
                .put("start", h.start())
                .put("end", h.end())
                .put("score", h.score());
        if (h.published() != null) m.put("published", h.published().toString());
        if (h.url() != null) m.put("url", h.url());
        return Content.from(TextSegment.from(h.text(), m));
    }
}
