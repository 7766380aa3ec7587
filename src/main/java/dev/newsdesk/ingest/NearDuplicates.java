package dev.newsdesk.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Folds republished copies (wire stories, syndication, mirrored pages) so each text is indexed once.
 *
 * <p>Two articles are near-duplicates when the Jaccard similarity of their word 5-gram shingle sets, estimated by
 * a {@value #HASHES}-value MinHash signature, is at least the threshold (default 0.8); bodies that are equal after
 * lower-casing and dropping punctuation are always duplicates. Candidates come from LSH banding ({@value #BANDS}
 * bands of {@value #ROWS} rows: a pair at similarity 0.8 becomes a candidate with probability above 0.999, a pair
 * at 0.3 with about 0.1), so the cost grows with the corpus, not with its square. Groups are transitive.
 *
 * <p>In each group the canonical article is the earliest published (undated last), then the smallest id; it
 * gains one {@code alsoPublishedBy} entry "Outlet (id)" per folded copy, in the same order. The output keeps the
 * input order of the canonical articles. Deterministic: fixed hash seeds, and group membership does not depend
 * on the order pairs are found. Thread-safe; signatures are computed in parallel.
 */
public final class NearDuplicates {
    static final int HASHES = 64;
    static final int BANDS = 16;
    static final int ROWS = HASHES / BANDS;
    private static final int SHINGLE = 5;
    /** Odd multipliers and offsets for multiply-add hashing: h_i(x) = a_i * x + b_i (mod 2^64), fixed seeds. */
    private static final long[] A = new long[HASHES];
    private static final long[] B = new long[HASHES];
    /**
     * {@code B[i] ^ Long.MIN_VALUE}. Signatures keep the minimum of h_i as an unsigned number; flipping the sign bit
     * maps unsigned order onto signed order, and since adding 2^63 flips just that bit (mod 2^64),
     * {@code (a*x + b) ^ MIN == a*x + (b ^ MIN)}. So the inner loop is a plain multiply-add and signed
     * {@code Math.min}, which the JIT turns into vector instructions (8 hashes per instruction with AVX-512).
     */
    private static final long[] B_FLIPPED = new long[HASHES];

    static {
        long s = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < HASHES; i++) {
            s = mix(s + 0x9E3779B97F4A7C15L);
            A[i] = s | 1L;
            s = mix(s + 0x9E3779B97F4A7C15L);
            B[i] = s;
            B_FLIPPED[i] = s ^ Long.MIN_VALUE;
        }
    }

    private final double threshold;

    public NearDuplicates() {
        this(0.8);
    }

    public NearDuplicates(double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1], was " + threshold);
        }
        this.threshold = threshold;
    }

    public List<Article> fold(List<Article> articles) {
        int n = articles.size();
        Doc[] docs = IntStream.range(0, n).parallel().mapToObj(i -> Doc.of(articles.get(i).body()))
                .toArray(Doc[]::new);
        UnionFind groups = new UnionFind(n);
        int[] representatives = unionExact(docs, groups);
        unionSimilar(docs, representatives, groups);
        return canonicals(articles, groups);
    }

    // The steps are separate methods so the JIT compiles each on its own: inlined into one, they made a ~78 KB
    // compiled method whose compilation (~0.4 s of a compiler thread, twice: OSR and normal) landed in ingest runs.

    /** Unions exact duplicates of the normalised text; returns the first of each that has a signature, in order. */
    private static int[] unionExact(Doc[] docs, UnionFind groups) {
        Map<Long, Integer> byExact = new HashMap<>();
        int[] representatives = new int[docs.length];
        int m = 0;
        for (int i = 0; i < docs.length; i++) {
            Integer first = byExact.putIfAbsent(docs[i].exactHash, i);
            if (first != null) groups.union(first, i);
            else if (docs[i].signature != null) representatives[m++] = i;
        }
        return Arrays.copyOf(representatives, m);
    }

    /**
     * LSH banding over MinHash signatures: every pair of representatives that shares a bucket in some band and whose
     * estimated similarity reaches the threshold is unioned. The groups are the connected components of those pairs,
     * so the order in which pairs are visited does not matter. Buckets are chains in a primitive open-addressing
     * table (keys are already well mixed), reused for every band.
     */
    private void unionSimilar(Doc[] docs, int[] reps, UnionFind groups) {
        int m = reps.length;
        if (m < 2) return;
        int cap = Integer.highestOneBit(2 * m - 1) << 1; // a power of two >= 2m: probes stay short and always end
        long[] slotKey = new long[cap];
        int[] head = new int[cap];
        int[] next = new int[m];
        int[] used = new int[m];
        for (int band = 0; band < BANDS; band++) {
            Arrays.fill(head, -1);
            int usedSlots = 0;
            for (int p = 0; p < m; p++) {
                long key = bandKey(docs[reps[p]].signature, band);
                int slot = (int) key & (cap - 1);
                while (head[slot] != -1 && slotKey[slot] != key) slot = (slot + 1) & (cap - 1);
                if (head[slot] == -1) {
                    slotKey[slot] = key;
                    used[usedSlots++] = slot;
                }
                next[p] = head[slot];
                head[slot] = p;
            }
            for (int u = 0; u < usedSlots; u++) {
                for (int x = head[used[u]]; x != -1; x = next[x]) {
                    for (int y = next[x]; y != -1; y = next[y]) {
                        int i = reps[x];
                        int j = reps[y];
                        if (groups.find(i) != groups.find(j) && similarity(docs[i], docs[j]) >= threshold) {
                            groups.union(i, j);
                        }
                    }
                }
            }
        }
    }

    /** The bucket key of one band: its {@value #ROWS} signature values, mixed with the band number. */
    private static long bandKey(long[] signature, int band) {
        long key = band;
        for (int r = 0; r < ROWS; r++) key = mix(key * 31 + signature[band * ROWS + r]);
        return key;
    }

    /** One article per group, in input order: the canonical one, naming the folded copies. */
    private static List<Article> canonicals(List<Article> articles, UnionFind groups) {
        int n = articles.size();
        Map<Integer, List<Integer>> members = new HashMap<>();
        for (int i = 0; i < n; i++) members.computeIfAbsent(groups.find(i), k -> new ArrayList<>()).add(i);
        Comparator<Integer> canonicalFirst = Comparator
                .comparing((Integer i) -> articles.get(i).published(), Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
                .thenComparing(i -> articles.get(i).id())
                .thenComparing(i -> i);
        Article[] result = new Article[n];
        for (List<Integer> group : members.values()) {
            if (group.size() == 1) {
                result[group.getFirst()] = articles.get(group.getFirst());
                continue;
            }
            group.sort(canonicalFirst);
            Article canonical = articles.get(group.getFirst());
            Set<String> also = new LinkedHashSet<>(canonical.alsoPublishedBy());
            for (int k = 1; k < group.size(); k++) {
                Article copy = articles.get(group.get(k));
                also.add(copy.outlet() + " (" + copy.id() + ")");
                also.addAll(copy.alsoPublishedBy());
            }
            result[group.getFirst()] = canonical.withAlsoPublishedBy(List.copyOf(also));
        }
        List<Article> out = new ArrayList<>();
        for (Article a : result) if (a != null) out.add(a);
        return out;
    }

    private static double similarity(Doc a, Doc b) {
        int same = 0;
        for (int k = 0; k < HASHES; k++) if (a.signature[k] == b.signature[k]) same++;
        return same / (double) HASHES;
    }

    /** Normalised-text hash and MinHash signature of one body (null signature for an empty body). */
    private record Doc(long exactHash, long[] signature) {
        static Doc of(String body) {
            long[] words = wordHashes(body);
            long exact = 0x51_7C_C1_B7_27_22_0A_95L;
            for (long w : words) exact = mix(exact * 31 + w);
            return new Doc(exact, words.length == 0 ? null : minHash(words));
        }
    }

    /**
     * The MinHash signature of the word 5-gram shingles: for each i, the unsigned minimum of h_i over the shingle
     * hashes (initially {@code Long.MAX_VALUE}). Kept sign-flipped while scanning (see {@link #B_FLIPPED}).
     */
    static long[] minHash(long[] words) {
        long[] min = new long[HASHES];
        Arrays.fill(min, Long.MAX_VALUE ^ Long.MIN_VALUE);
        int shingles = Math.max(1, words.length - SHINGLE + 1);
        for (int s = 0; s < shingles; s++) {
            long h = 0;
            for (int w = s; w < Math.min(words.length, s + SHINGLE); w++) h = mix(h * 31 + words[w]);
            for (int k = 0; k < HASHES; k++) min[k] = Math.min(min[k], A[k] * h + B_FLIPPED[k]);
        }
        for (int k = 0; k < HASHES; k++) min[k] ^= Long.MIN_VALUE;
        return min;
    }

    /** Hashes of the lower-cased letter/digit runs of {@code text}: punctuation and spacing do not matter. */
    static long[] wordHashes(String text) {
        long[] out = new long[Math.max(16, text.length() / 5)];
        int n = 0;
        long h = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // ASCII first (nearly every char of English news): the same answers as the Character calls below
            boolean letterOrDigit = c < 128 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    : Character.isLetterOrDigit(c);
            if (letterOrDigit) {
                h = h * 1_000_003L + (c < 128 ? (c >= 'A' && c <= 'Z' ? c + 32 : c) : Character.toLowerCase(c));
                inWord = true;
            } else if (inWord) {
                if (n == out.length) out = Arrays.copyOf(out, n * 2);
                out[n++] = mix(h);
                h = 0;
                inWord = false;
            }
        }
        if (inWord) {
            if (n == out.length) out = Arrays.copyOf(out, n + 1);
            out[n++] = mix(h);
        }
        return Arrays.copyOf(out, n);
    }

    /** SplitMix64 finaliser: spreads bits so that nearby inputs give unrelated outputs. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static final class UnionFind {
        private final int[] parent;

        UnionFind(int n) {
            parent = new int[n];
            for (int i = 0; i < n; i++) parent[i] = i;
        }

        int find(int x) {
            while (parent[x] != x) {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            return x;
        }

        void union(int a, int b) {
            int ra = find(a);
            int rb = find(b);
            if (ra != rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
