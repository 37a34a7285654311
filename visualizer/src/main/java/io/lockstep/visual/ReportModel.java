package io.lockstep.visual;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything {@link ReportWriter} puts into report.html. Plain records, filled by the {@code analyze} command from
 * detection results; times are epoch seconds (UTC).
 *
 * @param title       report title
 * @param generatedAt when the analysis ran (epoch seconds)
 * @param summary     counts
 * @param overview    the community graph ({@link OverviewBuilder#communityGraph}); null for none
 * @param campaigns   hashtag campaigns, most important first
 * @param clusters    coordinated clusters, most suspicious first
 * @param topAccounts accounts with the strongest evidence
 * @param method      how the results were obtained
 */
public record ReportModel(String title, long generatedAt, Summary summary, Scene overview, List<Campaign> campaigns,
                          List<Cluster> clusters, List<Account> topAccounts, Method method) {
    public ReportModel {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        campaigns = List.copyOf(campaigns);
        clusters = List.copyOf(clusters);
        topAccounts = List.copyOf(topAccounts);
        Objects.requireNonNull(method, "method");
    }

    /**
     * Counts for the summary section.
     *
     * @param source             what was analysed (archive name or file list)
     * @param accounts           accounts in the store
     * @param posts              posts in the store
     * @param hashtags           distinct hashtags
     * @param follows            follow edges
     * @param firstPost          time of the first post (epoch s), or {@code Long.MIN_VALUE} when unknown
     * @param lastPost           time of the last post (epoch s), or {@code Long.MIN_VALUE} when unknown
     * @param communities        communities found
     * @param clusters           coordinated clusters found
     * @param suspiciousAccounts accounts flagged suspicious
     * @param campaigns          campaigns found
     */
    public record Summary(String source, long accounts, long posts, long hashtags, long follows, long firstPost,
                          long lastPost, int communities, int clusters, int suspiciousAccounts, int campaigns) {
        public Summary {
            source = source == null ? "" : source;
        }
    }

    /**
     * One hashtag campaign.
     *
     * @param hashtag     the hashtag, lower-case without '#'
     * @param start       first post (epoch s)
     * @param end         last post (epoch s)
     * @param seeds       screen names of the accounts that started it
     * @param amplifiers  screen names of the accounts that amplified it
     * @param volumeShare share of all posts in its span that carry the hashtag, in [0, 1]
     */
    public record Campaign(String hashtag, long start, long end, List<String> seeds, List<String> amplifiers, double volumeShare) {
        public Campaign {
            Objects.requireNonNull(hashtag, "hashtag");
            seeds = List.copyOf(seeds);
            amplifiers = List.copyOf(amplifiers);
            if (!(volumeShare >= 0 && volumeShare <= 1)) {
                throw new IllegalArgumentException("volumeShare must be in [0, 1], was " + volumeShare);
            }
        }
    }

    /**
     * One coordinated cluster.
     *
     * @param id          cluster id
     * @param kind        what kind of coordination (e.g. "co-retweet", "follower farm")
     * @param size        number of member accounts
     * @param score       cluster score in [0, 1]
     * @param signals     signals that fired
     * @param topHashtags most used hashtags, most used first
     * @param firstSeen   first coordinated action (epoch s)
     * @param lastSeen    last coordinated action (epoch s)
     * @param members     member screen names
     * @param series      per-minute activity of the members; null for none
     * @param scene       the cluster's picture ({@link OverviewBuilder#cluster}); null for none
     */
    public record Cluster(int id, String kind, int size, double score, List<String> signals, List<String> topHashtags,
                          long firstSeen, long lastSeen, List<String> members, MinuteSeries series, Scene scene) {
        public Cluster {
            kind = kind == null ? "" : kind;
            signals = List.copyOf(signals);
            topHashtags = List.copyOf(topHashtags);
            members = List.copyOf(members);
        }
    }

    /**
     * Posts per minute and, among them, coordinated retweets per minute, from {@code startMinute} on.
     *
     * @param startMinute         epoch seconds of the first minute (a multiple of 60)
     * @param posts               posts in minute i
     * @param coordinatedRetweets coordinated retweets in minute i (at most {@code posts[i]})
     */
    public record MinuteSeries(long startMinute, int[] posts, int[] coordinatedRetweets) {
        public MinuteSeries {
            Objects.requireNonNull(posts, "posts");
            Objects.requireNonNull(coordinatedRetweets, "coordinatedRetweets");
            if (posts.length != coordinatedRetweets.length) {
                throw new IllegalArgumentException("posts and coordinatedRetweets differ in length: "
                        + posts.length + " vs " + coordinatedRetweets.length);
            }
            for (int i = 0; i < posts.length; i++) {
                if (posts[i] < 0 || coordinatedRetweets[i] < 0 || coordinatedRetweets[i] > posts[i]) {
                    throw new IllegalArgumentException("minute " + i + ": need 0 <= coordinated <= posts, was "
                            + coordinatedRetweets[i] + " of " + posts[i]);
                }
            }
        }
    }

    /**
     * One account with its evidence.
     *
     * @param screenName screen name
     * @param id         account id
     * @param score      coordination score in [0, 1]
     * @param cluster    cluster id or {@link SceneNode#NONE}
     * @param signals    signals that fired
     * @param evidence   evidence lines (partners, shared items, times)
     */
    public record Account(String screenName, String id, double score, int cluster, List<String> signals, List<String> evidence) {
        public Account {
            Objects.requireNonNull(id, "id");
            screenName = screenName == null ? id : screenName;
            signals = List.copyOf(signals);
            evidence = List.copyOf(evidence);
        }
    }

    /**
     * The method section.
     *
     * @param text       prose description of the method
     * @param thresholds parameter name to value, in display order
     */
    public record Method(String text, Map<String, String> thresholds) {
        public Method {
            text = text == null ? "" : text;
            thresholds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(thresholds));
        }
    }
}
