package io.lockstep.spark;

import io.lockstep.activity.Activity;
import io.lockstep.activity.PostKind;
import io.lockstep.activity.Urls;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.apache.spark.sql.functions.col;

/**
 * Dictionary encoding of the actions table: accounts to dense ints {@code (account, id)}, and each signal's items
 * to the keys whose order decides which shared items an edge's evidence names {@code (signal, item, key)}.
 *
 * <p>From an {@link Activity}: the numbering the single-JVM engine uses for the same archive (accounts as the
 * activity numbers them, items in the order core's signals key them), so both engines produce the same edges and
 * the same evidence. Without one ({@link #fromActions}): accounts numbered in id order, and evidence ordered by the
 * item's name. Posts: the order of co-text's candidate texts {@code (post, index)}, the activity's post index for
 * authored posts with a text (core's order), or the post id's order without an activity; null without co-text.
 */
public record Dictionaries(Dataset<Row> accounts, Dataset<Row> items, Dataset<Row> posts) {
    static final StructType ACCOUNTS = new StructType()
            .add("account", DataTypes.StringType, false)
            .add("id", DataTypes.IntegerType, false);
    static final StructType ITEMS = new StructType()
            .add("signal", DataTypes.IntegerType, false)
            .add("item", DataTypes.StringType, false)
            .add("key", DataTypes.IntegerType, false);
    static final StructType POSTS = new StructType()
            .add("post", DataTypes.StringType, false)
            .add("index", DataTypes.IntegerType, false);

    /** The activity's numbering, for the signals in {@code signals}. */
    public static Dictionaries fromActivity(SparkSession spark, Activity activity, Set<String> signals) {
        List<Row> accounts = new ArrayList<>(activity.accountCount());
        for (int a = 0; a < activity.accountCount(); a++) {
            accounts.add(RowFactory.create(activity.accountId(a), a));
        }
        return new Dictionaries(spark.createDataFrame(accounts, ACCOUNTS),
                spark.createDataFrame(itemKeys(activity, signals), ITEMS),
                signals.contains(ActionSignals.name(ActionSignals.CO_TEXT))
                        ? spark.createDataFrame(textPosts(activity), POSTS) : null);
    }

    /** Authored posts with a text, by their index in the activity: the candidates of core's co-text. */
    static List<Row> textPosts(Activity activity) {
        List<Row> rows = new ArrayList<>();
        for (int p = 0; p < activity.postCount(); p++) {
            if (ActionSignals.authored(activity, p) && activity.text(p) != null) {
                rows.add(RowFactory.create(activity.postId(p), p));
            }
        }
        return rows;
    }

    /** Item keys as core's signals assign them. */
    static List<Row> itemKeys(Activity activity, Set<String> signals) {
        List<Row> rows = new ArrayList<>();
        int posts = activity.postCount();
        boolean retweets = signals.contains(ActionSignals.name(ActionSignals.CO_RETWEET));
        boolean replies = signals.contains(ActionSignals.name(ActionSignals.CO_REPLY));
        if (retweets || replies) {
            boolean[] seen = new boolean[posts * 2];
            for (int p = 0; p < posts; p++) {
                int ref = activity.referencedPost(p);
                if (ref == Activity.NONE) {
                    continue;
                }
                PostKind kind = activity.kind(p);
                int signal = kind == PostKind.RETWEET && retweets ? ActionSignals.CO_RETWEET
                        : kind == PostKind.REPLY && replies ? ActionSignals.CO_REPLY : -1;
                int slot = 2 * ref + (signal == ActionSignals.CO_RETWEET ? 0 : 1);
                if (signal >= 0 && !seen[slot]) {
                    seen[slot] = true;
                    rows.add(RowFactory.create(signal, activity.postId(ref), ref));
                }
            }
        }
        if (signals.contains(ActionSignals.name(ActionSignals.CO_HASHTAG))) {
            for (int h = 0; h < activity.hashtagDictionarySize(); h++) {
                rows.add(RowFactory.create(ActionSignals.CO_HASHTAG, activity.hashtag(h), h));
            }
        }
        if (signals.contains(ActionSignals.name(ActionSignals.CO_LINK))) {
            Object2IntOpenHashMap<String> index = new Object2IntOpenHashMap<>();
            index.defaultReturnValue(-1);
            for (int u = 0; u < activity.urlDictionarySize(); u++) {
                String norm = Urls.shareKey(activity.url(u));
                if (index.getInt(norm) < 0) {
                    index.put(norm, index.size());
                    rows.add(RowFactory.create(ActionSignals.CO_LINK, norm, index.getInt(norm)));
                }
            }
        }
        if (signals.contains(ActionSignals.name(ActionSignals.HASHTAG_SEQUENCE))) {
            Object2IntOpenHashMap<String> index = new Object2IntOpenHashMap<>();
            index.defaultReturnValue(-1);
            List<String> tags = new ArrayList<>();
            for (int p = 0; p < posts; p++) {
                int k = activity.hashtagCount(p);
                if (k < 2 || !ActionSignals.authored(activity, p)) {
                    continue;
                }
                tags.clear();
                for (int i = 0; i < k; i++) {
                    tags.add(activity.hashtag(activity.hashtagOf(p, i)));
                }
                String label = ActionSignals.sequenceLabel(tags);
                if (index.getInt(label) < 0) {
                    index.put(label, index.size());
                    rows.add(RowFactory.create(ActionSignals.HASHTAG_SEQUENCE, label, index.getInt(label)));
                }
            }
        }
        return rows;
    }

    /** Accounts numbered in id order, computed distributed; no item keys (evidence in item-name order). */
    public static Dictionaries fromActions(SparkSession spark, Dataset<Row> actions) {
        var ids = actions.select(col("account")).distinct().orderBy(col("account")).javaRDD().zipWithIndex()
                .map(t -> RowFactory.create(t._1().getString(0), Math.toIntExact(t._2())));
        var posts = actions.filter(col("signal").equalTo(ActionSignals.CO_TEXT)).select(col("post")).distinct()
                .orderBy(col("post")).javaRDD().zipWithIndex()
                .map(t -> RowFactory.create(t._1().getString(0), Math.toIntExact(t._2())));
        return new Dictionaries(spark.createDataFrame(ids, ACCOUNTS), null, spark.createDataFrame(posts, POSTS));
    }
}
