package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.activity.ActivityBuilder;
import io.lockstep.activity.PostKind;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * CooRTweet's {@code russian_coord_tweets} sample (test resource {@code real/coortweet/}, see its README) read into an
 * {@link Activity}: one retweet per row, the row's {@code content_id} as the post, {@code object_id} as the retweeted
 * original, {@code timestamp_share} (Unix seconds) as its time. A {@code content_id} seen again keeps its first row,
 * as the archive importer does with a repeated tweet id (35,085 posts from 35,125 rows).
 */
final class CoorTweetArchive {
    static final String RESOURCE = "/real/coortweet/russian_coord_tweets.csv.gz";
    static final String HEADER = "object_id,account_id,content_id,timestamp_share";

    /** One row of CooRTweet's layout. */
    record Share(String objectId, String accountId, String contentId, long timestampShare) {
    }

    private CoorTweetArchive() {
    }

    static List<Share> rows() {
        try (InputStream in = CoorTweetArchive.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + RESOURCE);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in),
                    StandardCharsets.UTF_8));
            String header = r.readLine();
            if (!HEADER.equals(header)) {
                throw new IllegalStateException("unexpected header '" + header + "' in " + RESOURCE);
            }
            return r.lines().map(line -> {
                String[] f = line.split(",", -1);
                if (f.length != 4) {
                    throw new IllegalStateException("expected 4 fields: " + line);
                }
                return new Share(f[0], f[1], f[2], Long.parseLong(f[3]));
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Activity activity(List<Share> rows) {
        ActivityBuilder b = new ActivityBuilder();
        for (Share s : rows) {
            b.addPost(s.contentId(), s.accountId(), s.timestampShare(), PostKind.RETWEET, s.objectId(), null, null,
                    List.of(), List.of(), List.of());
        }
        return b.build();
    }
}
