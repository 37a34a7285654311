package io.lockstep.analysis;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;

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
        var threads = ManagementFactory.getThreadMXBean();
        PhaseTimes.Side side = PhaseTimes.Side.time(() -> {
            // 0.1 s of this thread's CPU, however busy the machine (a wall-clock loop gets a share of a core only)
            long end = threads.getCurrentThreadCpuTime() + 100_000_000L;
            while (threads.getCurrentThreadCpuTime() < end) {
                sink[0] += sink[0] * 31 + 7;
            }
        });
        assertThat(side.cpuSeconds()).isGreaterThanOrEqualTo(0.1).isLessThanOrEqualTo(side.seconds() + 0.05);
        assertThat(side.seconds()).isGreaterThanOrEqualTo(0.1);
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
