package io.lockstep.importer;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * Parses the time spellings of the supported archives into epoch seconds (UTC):
 * {@code 2017-05-05 18:23} (information-operations archives, minute precision, optionally with seconds),
 * {@code 2016-08-13} (account creation dates), ISO-8601 instants and offsets ({@code 2022-01-01T12:00:00.000Z},
 * twarc2), {@code Wed Oct 10 20:19:24 +0000 2018} (API v1.1) and plain epoch seconds or milliseconds (edge lists).
 */
final class Times {
    private static final DateTimeFormatter SPACED = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter(Locale.ROOT);
    private static final DateTimeFormatter V1 =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z uuuu", Locale.ENGLISH);
    /** Epoch values above this are taken as milliseconds (1e11 s is the year 5138). */
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;

    private Times() {
    }

    /**
     * Epoch seconds for {@code text}.
     *
     * @throws DateTimeException when the text is in none of the supported spellings
     */
    static long parse(String text) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            throw new DateTimeParseException("empty time", s, 0);
        }
        char first = s.charAt(0);
        if (isDigits(s)) {
            if (s.length() > 18) {
                throw new DateTimeParseException("epoch value out of range", s, 0);
            }
            long v = Long.parseLong(s);
            return v > MILLIS_THRESHOLD ? v / 1000 : v;
        }
        if (first >= '0' && first <= '9') {
            long fast = fixedWidth(s);
            if (fast != NOT_FIXED_WIDTH) {
                return fast;
            }
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
            }
            if (s.length() > 10 && s.charAt(10) == ' ') {
                return LocalDateTime.parse(s, SPACED).toEpochSecond(ZoneOffset.UTC);
            }
            if (s.length() > 10 && s.charAt(10) == 'T') {
                if (s.endsWith("Z") || s.lastIndexOf('+') > 10 || s.lastIndexOf('-') > 10) {
                    return OffsetDateTime.parse(s).toEpochSecond();
                }
                return LocalDateTime.parse(s).toEpochSecond(ZoneOffset.UTC);
            }
            throw new DateTimeParseException("unknown time format", s, 0);
        }
        return OffsetDateTime.parse(s, V1).toEpochSecond();
    }

    private static final long NOT_FIXED_WIDTH = Long.MIN_VALUE;

    /**
     * The common spellings read digit by digit: {@code 2017-05-05}, {@code 2017-05-05 18:23},
     * {@code 2017-05-05 18:23:07}, {@code 2022-01-01T12:00:00Z} and {@code 2022-01-01T12:00:00.000Z}. Parsing them
     * through {@link DateTimeFormatter} was a third of the time spent reading an information-operations archive.
     * Anything else, and any value out of its plain range (hour 24, 30 February, which the formatters resolve their
     * own ways), returns {@link #NOT_FIXED_WIDTH} and takes the formatter's path, so the result is always the
     * formatter's.
     */
    static long fixedWidth(String s) {
        int n = s.length();
        boolean iso = n == 20 && s.charAt(19) == 'Z' || n == 24 && s.charAt(23) == 'Z' && s.charAt(19) == '.';
        if (n != 10 && n != 16 && n != 19 && !iso || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return NOT_FIXED_WIDTH;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = 0;
        int minute = 0;
        int second = 0;
        if (n > 10) {
            if (s.charAt(10) != (iso ? 'T' : ' ') || s.charAt(13) != ':') {
                return NOT_FIXED_WIDTH;
            }
            hour = digits(s, 11, 2);
            minute = digits(s, 14, 2);
            if (n > 16) {
                if (s.charAt(16) != ':') {
                    return NOT_FIXED_WIDTH;
                }
                second = digits(s, 17, 2);
            }
            if (n == 24 && digits(s, 20, 3) < 0) {
                return NOT_FIXED_WIDTH;
            }
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 && day > lengthOfMonth(year, month)
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return NOT_FIXED_WIDTH;
        }
        return LocalDate.of(year, month, day).toEpochDay() * 86_400L + hour * 3_600L + minute * 60L + second;
    }

    private static int lengthOfMonth(int year, int month) {
        return YearMonth.of(year, month).lengthOfMonth();
    }

    /** The {@code count} digits at {@code from} as a number, or -1 when one is not a digit. */
    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
