package dev.newsdesk.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A fingerprint of everything in an {@link Article} that ends up in the index, so incremental ingest can skip
 * articles whose hash is unchanged. {@code id} and {@code source} are left out on purpose: they identify the
 * article rather than describe its content, and moving a corpus directory should not force a re-index.
 */
public final class ContentHash {
    private ContentHash() {
    }

    /** SHA-256, lower-case hex (64 chars), over title, outlet, published, url, author, category, body and alsoPublishedBy. */
    public static String of(Article a) {
        MessageDigest sha = sha256();
        field(sha, a.title());
        field(sha, a.outlet());
        field(sha, a.published() == null ? null : a.published().toString());
        field(sha, a.url());
        field(sha, a.author());
        field(sha, a.category());
        field(sha, a.body());
        sha.update(ByteBuffer.allocate(4).putInt(a.alsoPublishedBy().size()).array());
        for (String other : a.alsoPublishedBy()) field(sha, other);
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Length-prefixed, so ("ab","c") and ("a","bc") differ and null differs from "". */
    private static void field(MessageDigest sha, String value) {
        if (value == null) {
            sha.update(ByteBuffer.allocate(4).putInt(-1).array());
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        sha.update(bytes);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM lacks SHA-256, which every Java SE platform must provide", e);
        }
    }
}
