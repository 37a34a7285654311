package io.lockstep.activity;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class StringOrderTest {
    /** The values in the order {@link StringOrder#order} gives, against {@link Arrays#sort}'s. */
    private static void assertSortedLikeCompareTo(String[] values) {
        int[] order = StringOrder.order(values);
        assertEquals(values.length, order.length);
        String[] got = new String[values.length];
        for (int k = 0; k < order.length; k++) {
            got[k] = values[order[k]];
        }
        String[] expected = values.clone();
        Arrays.sort(expected);
        assertArrayEquals(expected, got);
    }

    @Test
    void snowflakeLikeIdsSharingLongPrefixes() {
        Random r = new Random(1);
        Set<String> ids = new LinkedHashSet<>();
        while (ids.size() < 50_000) {
            // 19 digits sharing the first 10 (runs of equal packed keys); shorter ids sort before their extensions
            ids.add("110400418" + (r.nextInt(3)) + String.format("%09d", r.nextInt(2_000_000)));
            ids.add(Long.toString(r.nextInt(100_000)));
        }
        assertSortedLikeCompareTo(ids.toArray(new String[0]));
    }

    @Test
    void randomLatin1IncludingZeroCharsEmptyAndCommonPrefixesLongerThanTheKeys() {
        Random r = new Random(2);
        Set<String> ids = new LinkedHashSet<>();
        ids.add("");
        ids.add("\u0000");
        ids.add("a");
        ids.add("a\u0000");
        ids.add("a\u0000\u0000");
        ids.add("\u00ff\u00ff");
        String prefix = "https://example.org/path/"; // longer than the 12 packed characters
        while (ids.size() < 20_000) {
            StringBuilder b = new StringBuilder(r.nextBoolean() ? prefix : "");
            int len = r.nextInt(24);
            for (int i = 0; i < len; i++) {
                int kind = r.nextInt(10);
                char c = kind == 0 ? '\u0000' : kind == 1 ? (char) (0x80 + r.nextInt(0x80))
                        : (char) ('0' + r.nextInt(4));
                b.append(c);
            }
            ids.add(b.toString());
        }
        assertSortedLikeCompareTo(ids.toArray(new String[0]));
    }

    @Test
    void aCharacterAboveLatin1InTheKeyFallsBackToCompareTo() {
        Random r = new Random(3);
        Set<String> ids = new LinkedHashSet<>();
        ids.add("\u00e9t\u00e9");
        ids.add("\u0100");
        ids.add("\uffff");
        ids.add("\ud83d\ude00"); // a surrogate pair sorts by its code units, as compareTo does
        while (ids.size() < 5_000) {
            ids.add("#" + (char) ('a' + r.nextInt(26)) + (char) (0x3b1 + r.nextInt(20)) + r.nextInt(1000));
        }
        assertSortedLikeCompareTo(ids.toArray(new String[0]));
    }

    @Test
    void emptyAndSingle() {
        assertArrayEquals(new int[0], StringOrder.order(new String[0]));
        assertArrayEquals(new int[]{0}, StringOrder.order(new String[]{"x"}));
    }
}
