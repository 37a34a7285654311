package io.lockstep.coordination;

import java.util.Locale;

/**
 * Normalises URLs for co-link: drops the scheme, a leading {@code www.}, the fragment, {@code utm_*} query
 * parameters and a trailing slash, and lower-cases the host. {@code https://www.Example.com/a/?utm_source=x&id=3#f}
 * becomes {@code example.com/a?id=3}. The path and the other parameters keep their case and order.
 */
public final class UrlNormalizer {
    private UrlNormalizer() {
    }

    public static String normalize(String url) {
        String u = url.trim();
        int scheme = u.indexOf("://");
        if (scheme >= 0 && scheme < 10) {
            u = u.substring(scheme + 3);
        }
        int hash = u.indexOf('#');
        if (hash >= 0) {
            u = u.substring(0, hash);
        }
        String query = null;
        int q = u.indexOf('?');
        if (q >= 0) {
            query = u.substring(q + 1);
            u = u.substring(0, q);
        }
        int slash = u.indexOf('/');
        String host = (slash >= 0 ? u.substring(0, slash) : u).toLowerCase(Locale.ROOT);
        String path = slash >= 0 ? u.substring(slash) : "";
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        if (host.endsWith(":80") || host.endsWith(":443")) {
            host = host.substring(0, host.lastIndexOf(':'));
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        StringBuilder b = new StringBuilder(host).append(path);
        if (query != null) {
            boolean first = true;
            for (String part : query.split("&")) {
                if (part.isEmpty() || part.toLowerCase(Locale.ROOT).startsWith("utm_")) {
                    continue;
                }
                b.append(first ? '?' : '&').append(part);
                first = false;
            }
        }
        return b.toString();
    }
}
