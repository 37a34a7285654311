package io.lockstep.importer;

import io.lockstep.activity.Activity;
import io.lockstep.activity.Urls;

import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Small cell-level conversions shared by the parsers. */
final class Cells {
    private Cells() {
    }

    /** The trimmed value, or null when null or blank. */
    static String text(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    /** The time of a cell in any form {@link Times} reads, or {@code Activity.NO_TIME} when blank or unparseable. */
    static long timeOrNone(String s) {
        String t = text(s);
        if (t == null) {
            return Activity.NO_TIME;
        }
        try {
            return Times.parse(t);
        } catch (DateTimeException e) {
            return Activity.NO_TIME;
        }
    }

    /** The value unchanged (tweets keep their spacing), or null when null or empty. */
    static String raw(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** A count, or -1 when missing or unparseable ({@code 12.0} is read as 12). */
    static long count(String s) {
        String t = text(s);
        if (t == null) {
            return -1;
        }
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            try {
                double d = Double.parseDouble(t);
                return Double.isFinite(d) && d >= 0 && d < 9e18 ? (long) d : -1;
            } catch (NumberFormatException e2) {
                return -1;
            }
        }
    }

    /**
     * The items of a list cell as the information-operations archives write them: {@code [MacronLeaks, Macron]},
     * also {@code ['a', 'b']} and a bare {@code a}. Blank items are dropped.
     */
    static List<String> list(String s) {
        String t = text(s);
        if (t == null) {
            return List.of();
        }
        int from = 0;
        int to = t.length();
        if (t.startsWith("[") && t.endsWith("]")) {
            from = 1;
            to--;
        }
        if (from >= to) {
            return List.of(); // "[]": the common cell, without a split
        }
        List<String> out = new ArrayList<>();
        // the items between commas, as String.split(",") cuts them (its trailing empty items are blank anyway)
        for (int start = from; start <= to; ) {
            int comma = t.indexOf(',', start);
            int end = comma < 0 || comma > to ? to : comma;
            String v = t.substring(start, end).strip();
            if (v.length() >= 2 && (v.charAt(0) == '\'' || v.charAt(0) == '"') && v.charAt(v.length() - 1) == v.charAt(0)) {
                v = v.substring(1, v.length() - 1).strip();
            }
            if (!v.isEmpty()) {
                out.add(v);
            }
            start = end + 1;
        }
        return out;
    }

    /** Lower-cased hashtags without '#', first appearance kept, duplicates dropped. */
    static List<String> hashtags(List<String> tags) {
        if (tags.isEmpty()) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String tag : tags) {
            String t = tag.strip();
            while (t.startsWith("#")) {
                t = t.substring(1);
            }
            if (!t.isEmpty()) {
                out.add(t.toLowerCase(Locale.ROOT));
            }
        }
        return List.copyOf(out);
    }

    /** Normalised URLs, duplicates dropped. */
    static List<String> urls(List<String> urls) {
        if (urls.isEmpty()) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String u : urls) {
            String n = Urls.normalize(u);
            if (n != null) {
                out.add(n);
            }
        }
        return List.copyOf(out);
    }

    /** Ids with blanks and duplicates dropped. */
    static List<String> ids(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String id : ids) {
            String t = text(id);
            if (t != null) {
                out.add(t);
            }
        }
        return List.copyOf(out);
    }

    private static final Pattern US_DATE =
            Pattern.compile("[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4}( .*)?");

    /**
     * An id cell, or null when blank; an id a spreadsheet turned into scientific notation ({@code 1.01421E+18})
     * has lost its digits and is refused.
     *
     * @throws CsvTable.RowException naming the column when the id is mangled
     */
    static String id(String cell, String column) throws CsvTable.RowException {
        String t = text(cell);
        if (t != null && isScientific(t)) {
            throw new CsvTable.RowException(column + " '" + t + "' is in scientific notation (a spreadsheet "
                    + "rounded it): the real id is lost; use the archive as released, not a spreadsheet's copy");
        }
        return t;
    }

    /**
     * Whether {@code t} is a number in scientific notation as a spreadsheet writes it: digits, optionally a point or
     * comma and digits, {@code e} or {@code E}, an optional {@code +}, digits ({@code [0-9]+([.,][0-9]+)?[eE][+]?[0-9]+}).
     * Read by hand: it is asked of every id of every row, and a regular expression's matcher cost a tenth of parsing.
     */
    static boolean isScientific(String t) {
        int n = t.length();
        int i = digitsFrom(t, 0);
        if (i == 0 || i == n) {
            return false;
        }
        char c = t.charAt(i);
        if (c == '.' || c == ',') {
            int j = digitsFrom(t, i + 1);
            if (j == i + 1 || j == n) {
                return false;
            }
            i = j;
            c = t.charAt(i);
        }
        if (c != 'e' && c != 'E') {
            return false;
        }
        i++;
        if (i < n && t.charAt(i) == '+') {
            i++;
        }
        int end = digitsFrom(t, i);
        return end > i && end == n;
    }

    /** The index after the run of ASCII digits starting at {@code from}. */
    private static int digitsFrom(String t, int from) {
        int i = from;
        while (i < t.length() && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    /** The reason to refuse a time cell a spreadsheet rewrote as a US date ({@code 7/3/2018 14:05}), or null. */
    static String usDate(String cell, String column) {
        String t = text(cell);
        // no slash, no US date (the pattern needs two): the common case answered without a matcher
        if (t != null && t.indexOf('/') >= 0 && US_DATE.matcher(t).matches()) {
            return column + " '" + t + "' is a spreadsheet's M/D/YYYY date (day and month are ambiguous, "
                    + "seconds lost); use the archive as released, not a spreadsheet's copy";
        }
        return null;
    }

    static boolean isTrue(String s) {
        String t = text(s);
        return t != null && (t.equalsIgnoreCase("true") || t.equals("1") || t.equalsIgnoreCase("yes"));
    }

    static String lower(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }
}
