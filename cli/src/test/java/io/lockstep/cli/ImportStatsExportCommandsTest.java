package io.lockstep.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the import, stats and export commands against a real embedded store in a temp directory. */
class ImportStatsExportCommandsTest {

    record Run(int exit, String out, String err) {
    }

    static Run run(Object command, String... args) {
        CommandLine cmd = Lockstep.configured(command);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int exit = cmd.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void importThenStatsThenExport(@TempDir Path dir) throws IOException {
        Path store = dir.resolve("store");
        Path tweets = Files.writeString(dir.resolve("tweets.csv"),
                "tweetid,userid,user_screen_name,tweet_time,tweet_text,is_retweet,retweet_userid,retweet_tweetid,"
                        + "hashtags,urls\n"
                        + "1,u1,alice,2020-01-01 10:00,hello,False,,,[Tag],[https://www.example.com/]\n"
                        + "2,u2,bob,2020-01-01 10:01,RT hello,True,u1,1,[tag],[]\n"
                        + "3,u3,carol,not a time,broken,False,,,[],[]\n");
        Path follows = Files.writeString(dir.resolve("follows.csv"), "follower,followee\nu2,u1\nu3,u1\n");

        Run imported = run(new ImportCommand(), "--store", store.toString(), "--quiet",
                tweets.toString(), follows.toString());
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).isEmpty();
        assertThat(dir.resolve("tweets.rejects.csv")).exists();

        Run stats = run(new StatsCommand(), "--store", store.toString());
        assertThat(stats.exit()).as(stats.err()).isZero();
        assertThat(stats.out().lines()).contains("accounts=3", "posts=2", "follows=2", "retweets=1",
                "hashtags=1", "urls=1");

        Path graphml = dir.resolve("out/graph.graphml");
        Run export = run(new ExportCommand(), "--store", store.toString(), "--format", "graphml",
                "--out", graphml.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        // accounts u1, u2, u3; edges: u2→u1 follows, u3→u1 follows, u2→u1 retweets
        assertThat(export.out()).contains("wrote 3 accounts and 3 edges");
        String xml = Files.readString(graphml);
        assertThat(xml).contains("<node id=\"u1\">").contains(">alice<").contains(">retweets<");
        Path csv = dir.resolve("edges.csv");
        assertThat(run(new ExportCommand(), "--store", store.toString(), "--format", "csv", "--suspicious-only",
                "--out", csv.toString()).out()).contains("wrote 0 accounts and 0 edges");
    }

    @Test
    void failuresAreOneLineWithANonZeroExit(@TempDir Path dir) throws IOException {
        Run missing = run(new ImportCommand(), "--store", dir.resolve("s").toString(), "nope.csv");
        assertThat(missing.exit()).isEqualTo(OneLineErrors.INPUT);
        assertThat(missing.err()).isEqualTo("import: no such file: nope.csv" + System.lineSeparator());

        Path odd = Files.writeString(dir.resolve("odd.csv"), "a,b,c\n1,2,3\n");
        Run unknown = run(new ImportCommand(), "--store", dir.resolve("s").toString(), odd.toString());
        assertThat(unknown.exit()).isEqualTo(OneLineErrors.INPUT);
        assertThat(unknown.err()).contains("header found: 'a,b,c'").contains("infoops-tweets").hasLineCount(1);

        Run badFormat = run(new ImportCommand(), "--format", "xml", "--store", dir.resolve("s").toString(),
                odd.toString());
        assertThat(badFormat.exit()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(badFormat.err()).startsWith("import: unknown format 'xml'");
        Run badExport = run(new ExportCommand(), "--format", "xml", "--store", dir.resolve("s").toString(),
                "--out", dir.resolve("x.xml").toString());
        assertThat(badExport.exit()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(badExport.err()).contains("--format").contains("xml").contains("COORTWEET");

        assertThat(run(new ExportCommand(), "--help").out()).contains("--suspicious-only", "--out", "--store");
        assertThat(run(new StatsCommand(), "--help").out()).contains("--neo4j");
    }
}
