package dev.newsdesk.index;

import java.io.IOException;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;

/** What built an index, kept in Lucene's commit user data so it travels atomically with the commit. */
public final class IndexMetadata {
    private IndexMetadata() {}

    public static Map<String, String> read(Directory dir) throws IOException {
        return SegmentInfos.readLatestCommit(dir).getUserData();
    }

    public static Map<String, String> read(DirectoryReader reader) throws IOException {
        return reader.getIndexCommit().getUserData();
    }

    static void set(IndexWriter writer, String embeddingModel) {
        writer.setLiveCommitData(Map.of(
                ArticleFields.META_SCHEMA, ArticleFields.SCHEMA_VERSION,
                ArticleFields.META_EMBEDDING, embeddingModel).entrySet());
    }
}
