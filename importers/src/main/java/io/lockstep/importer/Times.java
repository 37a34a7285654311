package io.lockstep.importer;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
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
