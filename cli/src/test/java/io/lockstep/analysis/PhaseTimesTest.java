package io.lockstep.analysis;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class PhaseTimesTest {
    @Test
    void aFinishedPhaseIsOneLineWithItsUnitsAndRateAndOnlyOnce() {
        StringWriter out = new StringWriter();
        PhaseTimes times = new PhaseTimes(new PrintWriter(out), false);
        times.begin("coordination", 10);
        times.advance(4);
        times.advance(30);
        times.end();
        times.end(); // no phase under way: nothing more
        times.begin("campaigns", 0);
        times.end();
        String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(2);
        // the larger of the units done and announced, with a rate
        assertThat(lines[0]).startsWith("coordination ").matches(".* s(  cpu +[0-9.]+ s)?  34 \\([0-9,]+/s\\)");
        assertThat(lines[1]).startsWith("campaigns ").matches(".* [0-9.]+ s(  cpu +[0-9.]+ s)?");
    }

    @Test
    void quietPrintsNothing() {
        StringWriter out = new StringWriter();
        PhaseTimes times = new PhaseTimes(new PrintWriter(out), true);
        times.begin("coordination", 10);
        times.end();
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void workBesideThePhasesIsOneLineWithItsOwnThreadsCpu() {
        long[] sink = new long[1];
        PhaseTimes.Side side = PhaseTimes.Side.time(() -> {
            long end = System.nanoTime() + 200_000_000L; // 0.2 s of work on this thread
            while (System.nanoTime() < end) {
                sink[0] += sink[0] * 31 + 7;
            }
        });
        assertThat(side.seconds()).isGreaterThanOrEqualTo(0.2);
        assertThat(side.cpuSeconds()).isGreaterThan(0.05).isLessThanOrEqualTo(side.seconds() + 0.05);
        StringWriter out = new StringWriter();
        PhaseTimes times = new PhaseTimes(new PrintWriter(out), false);
        times.beside("Rendering pictures", side);
        times.beside("graph.graphml", null); // nothing ran beside: no line
        assertThat(out.toString().split("\n")).singleElement().asString()
                .matches("Rendering pictures +[0-9.]+ s  cpu +[0-9.]+ s \\(its thread, beside the phases\\)");
        StringWriter quiet = new StringWriter();
        new PhaseTimes(new PrintWriter(quiet), true).beside("Rendering pictures", side);
        assertThat(quiet.toString()).isEmpty();
    }
}
