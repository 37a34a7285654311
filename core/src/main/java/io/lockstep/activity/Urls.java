package io.lockstep.activity;

import java.util.Locale;

/**
 * URL normalisation shared by the importers and the coordination signals, so that two accounts sharing
 * {@code https://WWW.Example.com/a/?utm_source=x} and {@code https://example.com/a} are seen sharing one URL.
 *
 * <p>Rules (from {@code docs/graph-model.md}): lower-case scheme and host, no leading {@code www.}, no default port,
 * no trailing slash on the path, no {@code utm_*} query parameters, no fragment. Everything else (path case, other
 * parameters and their order) is kept. Runs in O(length) and never throws on malformed input.
 */
public final class Urls {
    private Urls() {
    }

    /**
     * The key under which co-link compares URLs: {@link #normalize} without the scheme, so that the {@code http}
     * and {@code https} forms of one page count as one URL. {@code https://www.Example.com/a/?utm_source=x&id=3#f}
     * becomes {@code example.com/a?id=3}.
     */
    public static String shareKey(String url) {
        String n = normalize(url);
        if (n == null) {
            return null;
        }
        int scheme = n.indexOf("://");
        return scheme > 0 && isScheme(n, scheme) ? n.substring(scheme + 3) : n;
    }

    /**
     * The normalised form of {@code url}, or {@code null} for a null or blank input. A string without a scheme is
     * treated as {@code http://} plus the string when it looks like a host ({@code example.com/x}); anything else is
     * returned trimmed.
     */
    public static String normalize(String url) {
        if (url == null) {
            return null;
        }
        String s = url.strip();
        if (s.isEmpty()) {
            return null;
        }
        int schemeEnd = s.indexOf("://");
        String scheme;
        String rest;
        if (schemeEnd > 0 && isScheme(s, schemeEnd)) {
            scheme = s.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
            rest = s.substring(schemeEnd + 3);
        } else if (s.indexOf(' ') < 0 && s.indexOf('.') > 0) {
            scheme = "http";
            rest = s;
        } else {
            return s;
        }
        int fragment = rest.indexOf('#');
        if (fragment >= 0) {
            rest = rest.substring(0, fragment);
        }
        int hostEnd = firstOf(rest, '/', '?');
        String authority = hostEnd < 0 ? rest : rest.substring(0, hostEnd);
        String pathAndQuery = hostEnd < 0 ? "" : rest.substring(hostEnd);
        int at = authority.lastIndexOf('@');
        String userInfo = at >= 0 ? authority.substring(0, at + 1) : "";
        String host = (at >= 0 ? authority.substring(at + 1) : authority).toLowerCase(Locale.ROOT);
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        if ((scheme.equals("http") && host.endsWith(":80")) || (scheme.equals("https") && host.endsWith(":443"))) {
            host = host.substring(0, host.lastIndexOf(':'));
        }
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        String query = q < 0 ? "" : pathAndQuery.substring(q + 1);
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        StringBuilder kept = new StringBuilder();
        if (!query.isEmpty()) {
            for (String param : query.split("&")) {
                if (param.isEmpty() || param.toLowerCase(Locale.ROOT).startsWith("utm_")) {
                    continue;
                }
                if (kept.length() > 0) {
                    kept.append('&');
                }
                kept.append(param);
            }
        }
        StringBuilder out = new StringBuilder(s.length());
        out.append(scheme).append("://").append(userInfo).append(host).append(path);
        if (kept.length() > 0) {
            out.append('?').append(kept);
        }
        return out.toString();
    }

    private static boolean isScheme(String s, int end) {
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                    || (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static int firstOf(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        if (i < 0) {
            return j;
        }
        return j < 0 ? i : Math.min(i, j);
    }
}
