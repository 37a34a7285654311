package io.lockstep.cli;

import io.lockstep.store.DirectoryLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SimulateEvaluateCommandTest {
    @TempDir
    Path dir;

    static String run(Object command, StringWriter err, String... args) {
        CommandLine cmd = Lockstep.configured(command);
        StringWriter out = new StringWriter();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int code = cmd.execute(args);
        return code + "\n" + out;
    }

    @Test
    void simulatesThenEvaluatesAPerfectAndAnEmptyVerdict() throws Exception {
        Path archive = dir.resolve("archive");
        StringWriter err = new StringWriter();
        String out = run(new SimulateCommand(), err, "--out", archive.toString(), "--accounts", "800", "--days",
                "2", "--seed", "3", "--scenario", "botnet", "--camouflage", "0.5");
        assertThat(out).startsWith("0\n").contains("800 accounts").contains("groups: botnet-1=20 fandom-1=40 news-1=50 organic=690");
        for (String f : new String[] {"tweets.csv", "users.csv", "follows.csv", "tweets-twarc2.csv", "tweets.jsonl",
                "truth.csv"}) {
            assertThat(archive.resolve(f)).isRegularFile();
        }
        // A perfect verdict made from the truth itself.
        StringBuilder perfect = new StringBuilder("account_id,screen_name,community,cluster,score,suspicious,signals\n");
        for (String line : Files.readAllLines(archive.resolve("truth.csv")).subList(1, 801)) {
            String[] f = line.split(",");
            perfect.append(f[0]).append(",x,,,1,").append(f[1].equals("bot")).append(",\n");
        }
        Path accounts = Files.writeString(dir.resolve("accounts.csv"), perfect);
        Path table = dir.resolve("table.md");
        String eval = run(new EvaluateCommand(), err, "--truth", archive.resolve("truth.csv").toString(),
                "--accounts", accounts.toString(), "--out", table.toString());
        assertThat(eval).startsWith("0\n").contains("overall  precision 1.000  recall 1.000  F1 1.000  (tp 20, fp 0, fn 0, tn 780)")
                .contains("fandom-1     fandom        40 accounts       0 flagged  false-positive rate 0.0000");
        assertThat(Files.readString(table)).contains("| botnet-1 | bot | 20 | 20 | 1.000 | 1.000 | 1.000 |  |");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void evaluateWithoutInputsIsAUsageError() {
        StringWriter err = new StringWriter();
        String out = run(new EvaluateCommand(), err);
        assertThat(out).startsWith("2\n");
        assertThat(err.toString()).contains("evaluate needs --truth FILE and --accounts FILE (or --sweep)");
    }

    /**
     * Two runs given the same {@code --work} would read each other's verdicts (one archive's accounts scored against
     * another's truth): while one holds it, a second is refused before it writes anything, with the option named;
     * once the first has finished, the directory is free again.
     */
    @Test
    void aWorkDirectoryInUseIsRefusedAndFreedWhenTheRunEnds() throws Exception {
        Path archive = dir.resolve("archive");
        StringWriter err = new StringWriter();
        assertThat(run(new SimulateCommand(), err, "--out", archive.toString(), "--accounts", "800", "--days", "2",
                "--seed", "3", "--scenario", "botnet")).startsWith("0\n");
        Path work = dir.resolve("work");
        try (DirectoryLock held = DirectoryLock.tryTake(work)) {
            assertThat(held).isNotNull();
            StringWriter refused = new StringWriter();
            String out = run(new EvaluateCommand(), refused, "--archive", archive.toString(), "--work",
                    work.toString());
            assertThat(out).startsWith("2\n");
            assertThat(refused.toString()).contains("--work " + work + " is in use by another run of evaluate");
            try (var files = Files.list(work)) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactly(DirectoryLock.FILE_NAME);
            }
        }
        StringWriter after = new StringWriter();
        assertThat(run(new EvaluateCommand(), after, "--archive", archive.toString(), "--work", work.toString()))
                .startsWith("0\n");
        assertThat(work.resolve("accounts.csv")).isRegularFile();
        // the finished run released it
        try (DirectoryLock again = DirectoryLock.tryTake(work)) {
            assertThat(again).isNotNull();
        }
    }

    /**
     * {@code --archive} with {@code --analysis-seeds}: one run per seed, each the run {@code --analysis-seed} gives,
     * and the spread of every group's flagged count over them.
     */
    @Test
    void scoresOneArchiveUnderSeveralSeedsAndShowsTheSpread() throws Exception {
        Path archive = dir.resolve("archive");
        StringWriter err = new StringWriter();
        assertThat(run(new SimulateCommand(), err, "--out", archive.toString(), "--accounts", "800", "--days", "2",
                "--seed", "3", "--scenario", "botnet")).as(err.toString()).startsWith("0\n");
        Path work = dir.resolve("seeds");
        String out = run(new EvaluateCommand(), err, "--archive", archive.toString(), "--work", work.toString(),
                "--analysis-seeds", "7,8");
        assertThat(out).as(err.toString()).startsWith("0\n").contains("seed 7:", "seed 8:", "over seeds 7 8:",
                "groups change with the seed", "wrote ");
        String table = Files.readString(work.resolve("seed-spread.md"));
        assertThat(table).startsWith("| group | label | accounts | seed 7 | seed 8 | min | max |")
                .contains("| **F1, all operations** |", "| botnet-1 | bot | 20 |", "| organic | organic | 690 |");
        Path single = dir.resolve("single");
        assertThat(run(new EvaluateCommand(), err, "--archive", archive.toString(), "--work", single.toString(),
                "--analysis-seed", "8")).startsWith("0\n");
        assertThat(Files.readString(work.resolve("seed-8").resolve("accounts.csv")))
                .isEqualTo(Files.readString(single.resolve("accounts.csv")));

        StringWriter err2 = new StringWriter();
        assertThat(run(new EvaluateCommand(), err2, "--archive", archive.toString(), "--work", work.toString(),
                "--analysis-seeds", "7")).startsWith("2\n");
        assertThat(err2.toString()).contains("--analysis-seeds needs at least two distinct seeds, got [7]");
        StringWriter err3 = new StringWriter();
        assertThat(run(new EvaluateCommand(), err3, "--archive", archive.toString(), "--work", work.toString(),
                "--analysis-seeds", "7,8", "--analysis-seed", "7")).startsWith("2\n");
        assertThat(err3.toString()).contains("--analysis-seeds replaces --analysis-seed");
        StringWriter err4 = new StringWriter();
        assertThat(run(new EvaluateCommand(), err4, "--analysis-seeds", "7,8")).startsWith("2\n");
        assertThat(err4.toString()).contains("--analysis-seeds needs --archive DIR");
    }
}
