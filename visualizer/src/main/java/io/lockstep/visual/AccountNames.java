package io.lockstep.visual;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one naming rule for accounts in every output people read (report, pictures, viewer): the screen name when the
 * archive knows a readable one, otherwise the account id cut to {@value #SHORT} characters with an ellipsis. The full
 * id goes into tooltips and the report's appendix.
 *
 * <p>Archives anonymise small accounts by hashing: the screen name is then a copy of the id, or a hash of its own
 * (64 hex characters, or base64 ending in {@code =}). Such a "name" is not readable and is treated as unknown.
 */
public final class AccountNames {
    /** Characters of an id kept when no readable screen name exists. */
    public static final int SHORT = 8;
    /** Twitter screen names are at most 15 characters; longer names with no space are taken for hashes from 24 on. */
    static final int HASH_MIN_LENGTH = 24;

    private AccountNames() {
    }

    /** What to call the account: its readable screen name, else its id shortened ({@link #shortId}). */
    public static String display(String id, String screenName) {
        if (screenName != null && !screenName.isBlank() && !screenName.equals(id) && !looksHashed(screenName)) {
            return screenName.strip();
        }
        return shortId(id);
    }

    /** {@link #display} with an {@code @} in front when it is a screen name (not before a shortened id). */
    public static String mention(String id, String screenName) {
        String d = display(id, screenName);
        return d.equals(shortId(id)) ? d : "@" + d;
    }

    /** {@code id} cut to {@value #SHORT} characters plus "…" when longer, otherwise unchanged. */
    public static String shortId(String id) {
        if (id.length() <= SHORT + 1) {
            return id;
        }
        return id.substring(0, SHORT) + "…";
    }

    /**
     * The label to draw for a node: labels that look like hashed ids are shortened, readable ones kept. Lets the
     * pictures apply the rule to scenes built elsewhere (the store's {@code coalesce(screen_name, id)}).
     */
    public static String label(String label) {
        return looksHashed(label) ? shortId(label) : label;
    }

    private static final Pattern TOKEN = Pattern.compile("(?<![#\\w./:=+-])[A-Za-z0-9+/=]{" + HASH_MIN_LENGTH + ",}(?![\\w.-])");

    /** {@code text} with every word that looks like a hashed id ({@link #looksHashed}) shortened by {@link #shortId}. */
    public static String shortenHashes(String text) {
        return TOKEN.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                looksHashed(m.group()) ? shortId(m.group()) : m.group()));
    }

    /**
     * Whether {@code s} looks like an anonymising hash or a long opaque id rather than a name: no space, at least
     * {@value #HASH_MIN_LENGTH} characters, only hex or base64 characters ({@code A-Z a-z 0-9 + / =}), with a digit
     * or a base64 symbol.
     */
    public static boolean looksHashed(String s) {
        if (s == null || s.length() < HASH_MIN_LENGTH) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean base64 = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '+' || c == '/' || c == '=';
            if (!base64) {
                return false;
            }
        }
        // a 24+ character run of letters only could be a (silly) name; hashes mix in digits or base64 symbols
        String lower = s.toLowerCase(Locale.ROOT);
        return lower.chars().anyMatch(c -> (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '=');
    }
}
