package io.lockstep.store.load;

import io.lockstep.importer.Format;
import io.lockstep.progress.TerminationFlag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImportOptionsTest {
    private static final TerminationFlag STOPPED = () -> false;
    /** Every component away from its default; the flags differ, so a wither writing the wrong one shows. */
    private static final ImportOptions SET = new ImportOptions(Format.TWARC_CSV, 7, STOPPED, true, false, true, false, true);

    @Test
    void eachWitherChangesItsComponentAlone() {
        TerminationFlag running = TerminationFlag.RUNNING_TRUE;
        assertThat(SET.withFormat(null)).isEqualTo(new ImportOptions(null, 7, STOPPED, true, false, true, false, true));
        assertThat(SET.withBatchSize(9)).isEqualTo(new ImportOptions(Format.TWARC_CSV, 9, STOPPED, true, false, true, false, true));
        assertThat(SET.withTermination(running))
                .isEqualTo(new ImportOptions(Format.TWARC_CSV, 7, running, true, false, true, false, true));
        assertThat(SET.withReimport(false))
                .isEqualTo(new ImportOptions(Format.TWARC_CSV, 7, STOPPED, false, false, true, false, true));
        assertThat(SET.withBulk(true)).isEqualTo(new ImportOptions(Format.TWARC_CSV, 7, STOPPED, true, true, true, false, true));
        assertThat(SET.withKeepGoing(false))
                .isEqualTo(new ImportOptions(Format.TWARC_CSV, 7, STOPPED, true, false, false, false, true));
        assertThat(SET.withWarmUp(true)).isEqualTo(new ImportOptions(Format.TWARC_CSV, 7, STOPPED, true, false, true, true, true));
        assertThat(SET.withCsvStaging(false))
                .isEqualTo(new ImportOptions(Format.TWARC_CSV, 7, STOPPED, true, false, true, false, false));
    }

    @Test
    void aWitherChecksItsValueAsTheConstructorDoes() {
        assertThatThrownBy(() -> SET.withBatchSize(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batchSize must be at least 1, was 0");
        assertThatThrownBy(() -> SET.withTermination(null)).isInstanceOf(NullPointerException.class);
    }
}
