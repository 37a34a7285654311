package io.lockstep.coordination;

import it.unimi.dsi.fastutil.longs.LongArrays;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Word shingles and MinHash band keys for locality-sensitive hashing (Broder 1997; Leskovec, Rajaraman and Ullman,
 * <i>Mining of Massive Datasets</i>, ch. 3). Texts are lower-cased; URLs, {@code @mentions} and a leading "rt" are
 * dropped; words are runs of letters and digits. Each shingle is hashed to 64 bits; the {@code bands × rows} MinHash
 * functions are multiply-add hashes {@code a·x + b} (odd a) of that value, taking the high 32 bits. Two texts with
 * Jaccard similarity s share at least one band with probability {@code 1 − (1 − s^rows)^bands}.
 * Cost: O(shingles · bands · rows) per text. Public for engines that hash texts elsewhere (the Spark engine's
 * co-text), so that both engines use one definition.
 */
public final class MinHasher {
    private final int shingle;
    private final int bands;
    private final int rows;
    private final long[] mulA;
    private final long[] addB;

    public MinHasher(int shingle, int bands, int rows, long seed) {
        this.shingle = shingle;
        this.bands = bands;
        this.rows = rows;
        SplittableRandom random = new SplittableRandom(seed);
        mulA = new long[bands * rows];
        addB = new long[bands * rows];
        for (int i = 0; i < mulA.length; i++) {
            mulA[i] = random.nextLong() | 1L;
            addB[i] = random.nextLong();
        }
    }

    /** The splitmix64 finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Hashes of the words of a text after cleaning, in order. */
    public static int[] wordHashes(String text) {
        if (text == null) {
            return new int[0];
        }
        int[] out = new int[16];
        int n = 0;
        int len = text.length();
        int i = 0;
        boolean firstWord = true;
        while (i < len) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int end = i;
            while (end < len && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            // one whitespace-delimited token: skip URLs and mentions, split the rest into words
            boolean skip = c == '@' || text.startsWith("http://", i) || text.startsWith("https://", i)
                    || text.startsWith("www.", i);
            if (!skip) {
                int j = i;
                while (j < end) {
                    while (j < end && !Character.isLetterOrDigit(text.charAt(j))) {
                        j++;
                    }
                    int h = 0;
                    int start = j;
                    while (j < end && Character.isLetterOrDigit(text.charAt(j))) {
                        h = 31 * h + Character.toLowerCase(text.charAt(j));
                        j++;
                    }
                    if (j > start) {
                        boolean rt = firstWord && j - start == 2
                                && Character.toLowerCase(text.charAt(start)) == 'r'
                                && Character.toLowerCase(text.charAt(start + 1)) == 't';
                        firstWord = false;
                        if (!rt) {
                            if (n == out.length) {
                                out = Arrays.copyOf(out, 2 * n);
                            }
                            out[n++] = h;
                        }
                    }
                }
            }
            firstWord = false;
            i = end;
        }
        return Arrays.copyOf(out, n);
    }

    /** Sorted distinct 64-bit hashes of the text's word shingles. */
    public long[] shingles(int[] words) {
        int k = Math.min(shingle, words.length);
        int count = words.length - k + 1;
        if (words.length == 0) {
            return new long[0];
        }
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            long h = 0x632BE59BD9B4E019L;
            for (int j = 0; j < k; j++) {
                h = mix(h ^ (words[i + j] & 0xffffffffL));
            }
            out[i] = h;
        }
        LongArrays.radixSort(out);
        int d = 0;
        for (int i = 0; i < count; i++) {
            if (i == 0 || out[i] != out[i - 1]) {
                out[d++] = out[i];
            }
        }
        return Arrays.copyOf(out, d);
    }

    /** One 32-bit key per band for a non-empty shingle set, written to {@code out[band][index]}. */
    public void bandKeys(long[] shingles, int[][] out, int index) {
        for (int band = 0; band < bands; band++) {
            long key = band;
            for (int r = 0; r < rows; r++) {
                int f = band * rows + r;
                long a = mulA[f], b = addB[f];
                long min = Long.MAX_VALUE;
                for (long x : shingles) {
                    long h = (a * x + b) >>> 32;
                    if (h < min) {
                        min = h;
                    }
                }
                key = mix(key * 0x9E3779B97F4A7C15L + min);
            }
            out[band][index] = (int) key;
        }
    }

    /** Exact Jaccard similarity of two sorted distinct arrays. */
    public static double jaccard(long[] x, long[] y) {
        if (x.length == 0 && y.length == 0) {
            return 1.0;
        }
        int i = 0, j = 0, common = 0;
        while (i < x.length && j < y.length) {
            if (x[i] == y[j]) {
                common++;
                i++;
                j++;
            } else if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        return (double) common / (x.length + y.length - common);
    }
}
