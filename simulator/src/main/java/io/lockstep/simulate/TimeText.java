package io.lockstep.simulate;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Fast, locale-independent timestamp text in the three archive styles (UTC), with per-day caching. */
final class TimeText {
    private final Map<Long, String[]> days = new HashMap<>();

    /** {@code [yyyy-MM-dd, "EEE MMM dd", yyyy]} for the day containing {@code epochSecond}. */
    private String[] day(long epochSecond) {
        long d = Math.floorDiv(epochSecond, 86_400L);
        String[] cached = days.get(d);
        if (cached == null) {
            LocalDate date = LocalDate.ofEpochDay(d);
            String ymd = String.format(Locale.ROOT, "%04d-%02d-%02d", date.getYear(), date.getMonthValue(),
                    date.getDayOfMonth());
            String named = date.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ROOT) + " "
                    + date.getMonth().getDisplayName(TextStyle.SHORT, Locale.ROOT) + " "
                    + String.format(Locale.ROOT, "%02d", date.getDayOfMonth());
            cached = new String[] {ymd, named, Integer.toString(date.getYear())};
            if (days.size() > 100_000) {
                days.clear();
            }
            days.put(d, cached);
        }
        return cached;
    }

    private static void two(StringBuilder sb, int v) {
        sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }

    /** {@code 2019-03-01}. */
    String date(long t) {
        return day(t)[0];
    }

    /** {@code 2019-03-01 18:23} (the information-operations tweet_time, minute precision). */
    String minute(long t) {
        return clock(new StringBuilder(16).append(day(t)[0]).append(' '), t, false).toString();
    }

    /** {@code 2019-03-01T18:23:41.000Z} (twarc2 / API v2). */
    String iso(long t) {
        return clock(new StringBuilder(24).append(day(t)[0]).append('T'), t, true).append(".000Z").toString();
    }

    /** {@code Fri Mar 01 18:23:41 +0000 2019} (API v1.1). */
    String v1(long t) {
        String[] d = day(t);
        return clock(new StringBuilder(30).append(d[1]).append(' '), t, true).append(" +0000 ").append(d[2]).toString();
    }

    /** Appends {@code HH:mm} of {@code t}'s time of day (UTC), and {@code :ss} when {@code seconds}. */
    private static StringBuilder clock(StringBuilder sb, long t, boolean seconds) {
        int s = (int) Math.floorMod(t, 86_400L);
        two(sb, s / 3600);
        sb.append(':');
        two(sb, s / 60 % 60);
        if (seconds) {
            sb.append(':');
            two(sb, s % 60);
        }
        return sb;
    }
}
