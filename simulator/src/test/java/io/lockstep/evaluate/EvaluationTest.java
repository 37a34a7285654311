package io.lockstep.evaluate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class EvaluationTest {
    static final String TRUTH = """
            account_id,label,group,twitter_id
            b1,bot,botnet-1,101
            b2,bot,botnet-1,102
            b3,bot,botnet-1,103
            b4,bot,botnet-1,104
            f1,farm,farm-1,201
            f2,farm,farm-1,202
            o1,organic,organic,301
            o2,organic,organic,302
            o3,organic,organic,303
            o4,organic,organic,304
            o5,organic,organic,305
            o6,organic,organic,306
            d1,fandom,fandom-1,401
            d2,fandom,fandom-1,402
            n1,news,news-1,501
            n2,news,news-1,900
            """;
    // f2 has no row (counts as not flagged); n2 is matched by its twitter_id; zz is not in the truth.
    static final String ACCOUNTS = """
            account_id,screen_name,community,cluster,score,suspicious,signals
            b1,x,1,7,0.9,true,co-retweet
            b2,x,1,7,0.9,true,co-retweet
            b3,x,1,7,0.8,True,co-retweet
            b4,x,1,,0.1,false,
            f1,x,2,8,0.7,true,follow-overlap
            o1,x,3,9,0.6,true,co-hashtag
            o2,x,3,,0,false,
            o3,x,3,,0,false,
            o4,x,3,,0,false,
            o5,x,3,,0,false,
            o6,x,3,,0,false,
            d1,x,4,10,0.5,true,co-retweet
            d2,x,4,,0,false,
            n1,x,5,,0,false,
            900,x,5,11,0.5,true,co-hashtag
            zz,x,6,12,0.5,true,co-hashtag
            """;

    @TempDir
    Path dir;

    EvaluationResult evaluate() throws IOException {
        Path truth = Files.writeString(dir.resolve("truth.csv"), TRUTH);
        Path accounts = Files.writeString(dir.resolve("accounts.csv"), ACCOUNTS);
        return Evaluation.evaluate(truth, accounts);
    }

    @Test
    void countsOverallConfusion() throws IOException {
        EvaluationResult r = evaluate();
        assertThat(r.truePositives()).isEqualTo(4);
        assertThat(r.falseNegatives()).isEqualTo(2);
        assertThat(r.falsePositives()).isEqualTo(3);
        assertThat(r.trueNegatives()).isEqualTo(7);
        assertThat(r.precision()).isCloseTo(4.0 / 7, within(1e-12));
        assertThat(r.recall()).isCloseTo(4.0 / 6, within(1e-12));
        assertThat(r.f1()).isCloseTo(16.0 / 26, within(1e-12));
        assertThat(r.missingAccounts()).isEqualTo(1);
        assertThat(r.unknownPredictions()).isEqualTo(1);
    }

    @Test
    void scoresEachGroup() throws IOException {
        EvaluationResult r = evaluate();
        assertThat(r.groups()).extracting(GroupScore::group)
                .containsExactly("botnet-1", "farm-1", "fandom-1", "news-1", "organic");
        GroupScore bots = r.group("botnet-1");
        assertThat(bots.size()).isEqualTo(4);
        assertThat(bots.flagged()).isEqualTo(3);
        assertThat(bots.precision()).isCloseTo(0.5, within(1e-12));
        assertThat(bots.recall()).isCloseTo(0.75, within(1e-12));
        assertThat(bots.f1()).isCloseTo(0.6, within(1e-12));
        GroupScore farm = r.group("farm-1");
        assertThat(farm.precision()).isCloseTo(0.25, within(1e-12));
        assertThat(farm.recall()).isCloseTo(0.5, within(1e-12));
        assertThat(farm.f1()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(r.group("organic").falsePositiveRate()).isCloseTo(1.0 / 6, within(1e-12));
        assertThat(r.group("fandom-1").falsePositiveRate()).isCloseTo(0.5, within(1e-12));
        assertThat(r.group("news-1").falsePositiveRate()).isCloseTo(0.5, within(1e-12));
        assertThat(r.group("news-1").recall()).isNaN();
    }

    @Test
    void rendersTables() throws IOException {
        EvaluationResult r = evaluate();
        assertThat(r.toMarkdown()).contains("| **all operations** | bot, farm, linkring | 6 | 4 | 0.571 | 0.667 | 0.615 |  |")
                .contains("| botnet-1 | bot | 4 | 3 | 0.500 | 0.750 | 0.600 |  |")
                .contains("| organic | organic | 6 | 1 |  |  |  | 0.167 |");
        assertThat(r.toCsv()).startsWith("group,label,accounts,flagged,precision,recall,f1,fpr\n"
                + "all,operations,6,4,0.571,0.667,0.615,\n" + "botnet-1,bot,4,3,0.500,0.750,0.600,\n");
        assertThat(r.toText()).contains("overall  precision 0.571  recall 0.667  F1 0.615  (tp 4, fp 3, fn 2, tn 7)")
                .contains("false-positive rate 0.5000");
    }

    @Test
    void perfectAndEmptyDetectors() {
        List<Evaluation.TruthRow> truth = List.of(new Evaluation.TruthRow("a", "bot", "botnet-1", ""),
                new Evaluation.TruthRow("b", "organic", "organic", null));
        EvaluationResult perfect = Evaluation.evaluate(truth, Map.of("a", true, "b", false));
        assertThat(perfect.f1()).isEqualTo(1.0);
        EvaluationResult none = Evaluation.evaluate(truth, Map.of());
        assertThat(none.precision()).isZero();
        assertThat(none.recall()).isZero();
        assertThat(none.f1()).isZero();
        assertThat(none.missingAccounts()).isEqualTo(2);
    }

    @Test
    void rejectsBadVerdictsAndMissingColumns() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "account_id,suspicious\na,yes\n");
        assertThatThrownBy(() -> Evaluation.readPredictions(bad)).isInstanceOf(IOException.class)
                .hasMessageContaining("suspicious must be true or false, not 'yes'");
        Path noLabel = Files.writeString(dir.resolve("t.csv"), "account_id,group\na,organic\n");
        assertThatThrownBy(() -> Evaluation.readTruth(noLabel)).isInstanceOf(IOException.class)
                .hasMessageContaining("missing column label");
    }

    @Test
    void archiveScoreCountsEvidenceRowsAndTheSignalsBehindEachGroupsFlags() throws IOException {
        Path truth = Files.writeString(dir.resolve("truth.csv"), TRUTH);
        Path accounts = Files.writeString(dir.resolve("accounts.csv"), ACCOUNTS);
        Path edges = Files.writeString(dir.resolve("coordination-edges.csv"), """
                source,target,signal,weight,count
                b1,b2,co-retweet,1.0,3
                b2,b3,co-retweet,1.0,3
                b1,b3,co-retweet,1.0,3
                f1,o1,lockstep-follow,0.5,1

                """);
        ArchiveScore s = ArchiveScore.of(truth, accounts, edges);
        // b1 b2 b3 f1 o1 d1 900 zz: the unknown zz counts as a flag too
        assertThat(s.flagged()).isEqualTo(8);
        assertThat(s.edgeRows()).isEqualTo(4);
        assertThat(s.edgeRowsPerFlagged()).isCloseTo(0.5, within(1e-9));
        assertThat(s.signalsByGroup().get("botnet-1")).containsExactlyEntriesOf(Map.of("co-retweet", 3));
        assertThat(s.signalsByGroup().get("news-1")).containsExactlyEntriesOf(Map.of("co-hashtag", 1));
        assertThat(s.signalsByGroup()).doesNotContainKey("zz");
        assertThat(s.toMarkdown()).contains("coordination-edges.csv rows: 4 (0.5 per flagged account)")
                .contains("| organic | co-hashtag 1 |");

        ArchiveScore noEdges = ArchiveScore.of(truth, accounts, dir.resolve("missing.csv"));
        assertThat(noEdges.edgeRows()).isEqualTo(-1);
        assertThat(noEdges.edgeRowsPerFlagged()).isNaN();
        assertThat(noEdges.result()).isEqualTo(s.result());
    }
}
