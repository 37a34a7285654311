package io.lockstep.visual;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything {@link ReportWriter} puts into report.html. Plain records, filled by the {@code analyze} command from
 * detection results ({@link ReportFacts} computes the parts that need the activity); times are epoch seconds (UTC).
 *
 * @param title       report title
 * @param generatedAt when the analysis ran (epoch seconds)
 * @param summary     counts
 * @param overview    the community graph ({@link OverviewBuilder#communityGraph}); null for none
 * @param campaigns   hashtag campaigns, one per hashtag, strongest first
 * @param clusters    coordinated clusters, most suspicious first
 * @param topAccounts accounts with the strongest evidence
 * @param flagged     every suspicious account: the appendix gives the cluster and score of those the report names
 * @param method      how the results were obtained
 */
public record ReportModel(String title, long generatedAt, Summary summary, Scene overview, List<Campaign> campaigns,
                          List<Cluster> clusters, List<Account> topAccounts, List<Account> flagged, Method method) {
    public ReportModel {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(method, "method");
        campaigns = List.copyOf(campaigns);
        clusters = List.copyOf(clusters);
        topAccounts = List.copyOf(topAccounts);
        flagged = List.copyOf(flagged);
    }

    /**
     * An account as people read it: {@link AccountNames#display} of its screen name, with the full id kept for
     * tooltips and the appendix.
     *
     * @param id         account id as in the archive
     * @param screenName screen name, or null when the archive gives none
     */
    public record Name(String id, String screenName) {
        public Name {
            Objects.requireNonNull(id, "id");
        }

        /** The readable name: screen name when known, else the shortened id. */
        public String display() {
            return AccountNames.display(id, screenName);
        }

        /** Whether {@link #display()} is the screen name (not the id, whole or shortened). */
        public boolean isScreenName() {
            return screenName != null && display().equals(screenName.strip());
        }
    }

    /**
     * Counts for the findings.
     *
     * @param source             what was analysed (archive name or file list)
     * @param accounts           accounts in the store
     * @param posts              posts in the store
     * @param hashtags           distinct hashtags
     * @param follows            follow edges
     * @param firstPost          time of the first post (epoch s), or {@code Long.MIN_VALUE} when unknown
     * @param lastPost           time of the last post (epoch s), or {@code Long.MIN_VALUE} when unknown
     * @param communities        communities found
     * @param clusters           coordinated clusters found (all of them, also those the report does not show)
     * @param suspiciousAccounts accounts flagged suspicious
     * @param campaigns          campaign bursts found
     * @param suspiciousScore    the cluster score from which accounts are flagged, in [0, 1]
     */
    public record Summary(String source, long accounts, long posts, long hashtags, long follows, long firstPost,
                          long lastPost, int communities, int clusters, int suspiciousAccounts, int campaigns,
                          double suspiciousScore) {
        public Summary {
            source = source == null ? "" : source;
            if (!(suspiciousScore >= 0 && suspiciousScore <= 1)) {
                throw new IllegalArgumentException("suspiciousScore must be in [0, 1], was " + suspiciousScore);
            }
        }
    }

    /**
     * The bursts of one hashtag, and its timeline.
     *
     * @param hashtag the hashtag, lower-case without '#'
     * @param bursts  its bursts, in time order
     * @param series  posts per minute with the hashtag, and among them those of the bursts' seeds and amplifiers
     *                inside a burst; null for none
     * @param accounts distinct seeds and amplifiers over all bursts
     * @param flagged  how many of them are flagged (members of a suspicious cluster)
     * @param clusters the suspicious clusters those flagged accounts belong to, most accounts first
     */
    public record Campaign(String hashtag, List<Burst> bursts, MinuteSeries series, int accounts, int flagged,
                           List<Integer> clusters) {
        public Campaign {
            Objects.requireNonNull(hashtag, "hashtag");
            bursts = List.copyOf(bursts);
            clusters = List.copyOf(clusters);
            if (bursts.isEmpty()) {
                throw new IllegalArgumentException("campaign #" + hashtag + " needs at least one burst");
            }
            if (flagged < 0 || flagged > accounts) {
                throw new IllegalArgumentException("campaign #" + hashtag + ": need 0 <= flagged <= accounts, was " + flagged + " of " + accounts);
            }
        }

        /** Share of the campaign's accounts that are flagged, in [0, 1]. */
        public double flaggedShare() {
            return accounts == 0 ? 0 : (double) flagged / accounts;
        }

        /** Posts with the hashtag inside its bursts. */
        public int posts() {
            return bursts.stream().mapToInt(Burst::posts).sum();
        }

        /** Coordinated posts (posts times coordinated share, summed over the bursts): the campaign's strength. */
        public double coordinatedPosts() {
            return bursts.stream().mapToDouble(b -> b.posts() * b.coordinatedShare()).sum();
        }

        public long start() {
            return bursts.stream().mapToLong(Burst::start).min().orElseThrow();
        }

        public long end() {
            return bursts.stream().mapToLong(Burst::end).max().orElseThrow();
        }
    }

    /**
     * One burst of a hashtag.
     *
     * @param start            burst start (epoch s, inclusive)
     * @param end              burst end (epoch s, exclusive)
     * @param posts            posts with the hashtag in [start, end)
     * @param coordinatedShare share of those posts made by the seeds and amplifiers, in [0, 1]
     * @param seeds            accounts whose posts were amplified
     * @param amplifiers       accounts that retweeted the seeds in lockstep, most active first
     */
    public record Burst(long start, long end, int posts, double coordinatedShare, List<Name> seeds, List<Name> amplifiers) {
        public Burst {
            seeds = List.copyOf(seeds);
            amplifiers = List.copyOf(amplifiers);
            if (!(coordinatedShare >= 0 && coordinatedShare <= 1)) {
                throw new IllegalArgumentException("coordinatedShare must be in [0, 1], was " + coordinatedShare);
            }
            if (posts < 0 || end < start) {
                throw new IllegalArgumentException("burst needs posts >= 0 and end >= start, was " + posts + ", " + start + ".." + end);
            }
        }
    }

    /**
     * One coordinated cluster.
     *
     * @param id          cluster id
     * @param kind        what kind of coordination ({@code botnet}, {@code follower-farm}, …)
     * @param size        number of member accounts
     * @param score       cluster score in [0, 1]
     * @param suspicious  whether the score reached the suspicion threshold
     * @param signals     signals that fired
     * @param topHashtags most used hashtags, most used first
     * @param topLinks    most shared links, most shared first
     * @param firstSeen   first coordinated action (epoch s), or {@code Long.MIN_VALUE}
     * @param lastSeen    last coordinated action (epoch s), or {@code Long.MIN_VALUE}
     * @param members     members, the most central first
     * @param evidence    the evidence in sentences, with examples
     * @param series      per-minute activity of the members; null for none
     * @param scene       the cluster's picture ({@link OverviewBuilder#cluster}); null for none
     */
    public record Cluster(int id, String kind, int size, double score, boolean suspicious, List<String> signals,
                          List<String> topHashtags, List<String> topLinks, long firstSeen, long lastSeen,
                          List<Name> members, List<String> evidence, MinuteSeries series, Scene scene) {
        public Cluster {
            kind = kind == null ? "" : kind;
            signals = List.copyOf(signals);
            topHashtags = List.copyOf(topHashtags);
            topLinks = List.copyOf(topLinks);
            members = List.copyOf(members);
            evidence = List.copyOf(evidence);
        }
    }

    /**
     * Posts per minute and, among them, the coordinated ones, from {@code startMinute} on.
     *
     * @param startMinute epoch seconds of the first minute (a multiple of 60)
     * @param posts       posts in minute i
     * @param coordinated coordinated posts in minute i (at most {@code posts[i]})
     */
    public record MinuteSeries(long startMinute, int[] posts, int[] coordinated) {
        public MinuteSeries {
            Objects.requireNonNull(posts, "posts");
            Objects.requireNonNull(coordinated, "coordinated");
            if (posts.length != coordinated.length) {
                throw new IllegalArgumentException("posts and coordinated differ in length: "
                        + posts.length + " vs " + coordinated.length);
            }
            for (int i = 0; i < posts.length; i++) {
                if (posts[i] < 0 || coordinated[i] < 0 || coordinated[i] > posts[i]) {
                    throw new IllegalArgumentException("minute " + i + ": need 0 <= coordinated <= posts, was "
                            + coordinated[i] + " of " + posts[i]);
                }
            }
        }
    }

    /**
     * One account with its evidence.
     *
     * @param name     the account
     * @param score    coordination score in [0, 1]
     * @param cluster  cluster id or {@link SceneNode#NONE}
     * @param signals  signals that fired
     * @param evidence evidence lines (partners, shared items, times)
     */
    public record Account(Name name, double score, int cluster, List<String> signals, List<String> evidence) {
        public Account {
            Objects.requireNonNull(name, "name");
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
            thresholds = Collections.unmodifiableMap(new LinkedHashMap<>(thresholds));
        }
    }
}
