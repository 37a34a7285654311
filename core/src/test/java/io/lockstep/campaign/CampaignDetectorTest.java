package io.lockstep.campaign;

import io.lockstep.activity.Activity;
import io.lockstep.activity.ActivityBuilder;
import io.lockstep.activity.PostKind;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CampaignDetectorTest {
    static final long T0 = 1_700_000_000L; // an hour boundary: 1_700_000_000 / 3600 = 472_222.2…
    static final long H = 3600;

    /**
     * #calm is used once an hour for two days by c0..c47. In hour 30, seed s0 posts 5 times with #push and bots
     * b0..b5 retweet each post; 2 other accounts post #push in that hour, 1 the hour after.
     * #news gets 40 posts by 40 unrelated accounts in hour 10.
     */
    static Activity archive(ActivityBuilder b) {
        int seq = 0;
        long base = (T0 / H) * H;
        for (int h = 0; h < 48; h++) {
            b.addPost("calm" + h, "c" + h, base + h * H + 10, PostKind.TWEET, null, null, "x", List.of("calm"),
                    List.of(), List.of());
        }
        for (int i = 0; i < 5; i++) {
            long t = base + 30 * H + 300 * i;
            b.addPost("seedpost" + i, "s0", t, PostKind.TWEET, null, null, "x", List.of("push"), List.of(), List.of());
            for (int k = 0; k < 6; k++) {
                b.addPost("rt" + (seq++), "b" + k, t + 3 + k, PostKind.RETWEET, "seedpost" + i, "s0", null,
                        List.of(), List.of(), List.of());
            }
        }
        b.addPost("other1", "x1", base + 30 * H + 100, PostKind.TWEET, null, null, "x", List.of("push"), List.of(),
                List.of());
        b.addPost("other2", "x2", base + 30 * H + 200, PostKind.TWEET, null, null, "x", List.of("PUSH"), List.of(),
                List.of());
        b.addPost("later", "x3", base + 31 * H + 200, PostKind.TWEET, null, null, "x", List.of("push"), List.of(),
                List.of());
        for (int i = 0; i < 40; i++) {
            b.addPost("news" + i, "n" + i, base + 10 * H + 60 * i, PostKind.TWEET, null, null, "x",
                    List.of("news"), List.of(), List.of());
        }
        return b.build();
    }

    @Test
    void findsTheBoostedHashtagWithSeedsAndAmplifiers() {
        ActivityBuilder b = new ActivityBuilder();
        Activity a = archive(b);
        long base = (T0 / H) * H;
        int[] bots = new int[6];
        boolean[] coordinated = new boolean[a.accountCount()];
        for (int i = 0; i < 6; i++) {
            bots[i] = b.findAccount("b" + i);
            coordinated[bots[i]] = true;
        }
        List<Campaign> campaigns = new CampaignDetector(CampaignParams.defaults())
                .campaigns(a, coordinated, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
        assertThat(campaigns).hasSize(1);
        Campaign c = campaigns.get(0);
        assertThat(c.hashtag()).isEqualTo("push");
        assertThat(c.start()).isEqualTo(base + 30 * H);
        assertThat(c.end()).isEqualTo(base + 31 * H);
        assertThat(c.seeds()).containsExactly(b.findAccount("s0"));
        Arrays.sort(bots);
        assertThat(c.amplifiers()).containsExactly(bots);
        // hour 30: 5 seed posts + 30 retweets (carrying the original's hashtag) + 2 other posts
        assertThat(c.volumeShare()).isEqualTo(35.0 / 37.0);
    }

    @Test
    void withoutCoordinatedAmplifiersABurstIsNoCampaign() {
        Activity a = archive(new ActivityBuilder());
        assertThat(new CampaignDetector(CampaignParams.defaults())
                .campaigns(a, new boolean[a.accountCount()], ProgressListener.NONE, TerminationFlag.RUNNING_TRUE))
                .isEmpty();
    }
}
