package io.lockstep.simulate;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Pseudo-words built from syllables, so that texts, hashtags, names and domains look varied without shipping a
 * dictionary. Every word is unique within one lexicon.
 */
final class Lexicon {
    private static final String[] ONSETS = {"b", "br", "c", "ch", "d", "dr", "f", "g", "gr", "h", "j", "k", "l", "m",
            "n", "p", "pl", "r", "s", "sh", "st", "t", "tr", "v", "w", "z"};
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ea", "io", "ou"};
    private static final String[] CODAS = {"", "", "", "n", "r", "s", "l", "m", "t", "x", "nd", "rk"};
    static final String[] TLDS = {"com", "net", "org", "info", "news", "co"};

    private final SplittableRandom rng;
    private final Set<String> used = new HashSet<>();

    Lexicon(SplittableRandom rng) {
        this.rng = rng;
    }

    /** A new word of {@code minSyllables..maxSyllables} syllables, never returned before by this lexicon. */
    String word(int minSyllables, int maxSyllables) {
        while (true) {
            int n = minSyllables + rng.nextInt(maxSyllables - minSyllables + 1);
            StringBuilder sb = new StringBuilder(12);
            for (int i = 0; i < n; i++) {
                sb.append(ONSETS[rng.nextInt(ONSETS.length)]).append(VOWELS[rng.nextInt(VOWELS.length)]);
                if (i == n - 1 || rng.nextInt(3) == 0) {
                    sb.append(CODAS[rng.nextInt(CODAS.length)]);
                }
            }
            String w = sb.toString();
            if (used.add(w)) {
                return w;
            }
        }
    }

    String[] words(int count, int minSyllables, int maxSyllables) {
        String[] out = new String[count];
        for (int i = 0; i < count; i++) {
            out[i] = word(minSyllables, maxSyllables);
        }
        return out;
    }

    /** A new domain name such as {@code vorandi.net}. */
    String domain() {
        return word(2, 3) + "." + TLDS[rng.nextInt(TLDS.length)];
    }

    /** Upper-cases the first letter. */
    static String capitalize(String w) {
        return w.isEmpty() ? w : w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1);
    }
}
