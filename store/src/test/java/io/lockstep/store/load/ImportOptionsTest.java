package io.lockstep.store.load;

import io.lockstep.importer.Format;
import io.lockstep.progress.TerminationFlag;
import io.lockstep.store.load.ImportOptions.Switch;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImportOptionsTest {
    private static final TerminationFlag STOPPED = () -> false;
    /** Every component away from its default; some switches on, some off, so a change to the wrong one shows. */
    private static final ImportOptions SET = new ImportOptions(Format.TWARC_CSV, 7, STOPPED,
            EnumSet.of(Switch.REIMPORT, Switch.KEEP_GOING, Switch.CSV_STAGING));

    @Test
    void theDefaultsDetectFormatsAndBulkLoadWarmedUp() {
        ImportOptions d = ImportOptions.defaults();
        assertThat(d.format()).isNull();
        assertThat(d.batchSize()).isEqualTo(ImportOptions.BATCH_SIZE_DEFAULT);
        assertThat(d.termination().running()).isTrue();
        assertThat(d.switches()).containsExactlyInAnyOrder(Switch.BULK, Switch.WARM_UP);
    }

    @Test
    void eachWitherChangesItsComponentAlone() {
        Set<Switch> on = SET.switches();
        assertThat(SET.withFormat(null)).isEqualTo(new ImportOptions(null, 7, STOPPED, on));
        assertThat(SET.withBatchSize(9)).isEqualTo(new ImportOptions(Format.TWARC_CSV, 9, STOPPED, on));
        TerminationFlag running = TerminationFlag.RUNNING_TRUE;
        assertThat(SET.withTermination(running)).isEqualTo(new ImportOptions(Format.TWARC_CSV, 7, running, on));
    }

    @Test
    void eachSwitchTurnsOnAndOffAlone() {
        for (Switch s : Switch.values()) {
            Set<Switch> with = new HashSet<>(SET.switches());
            with.add(s);
            Set<Switch> without = new HashSet<>(SET.switches());
            without.remove(s);
            assertThat(SET.with(s, true)).isEqualTo(new ImportOptions(Format.TWARC_CSV, 7, STOPPED, with));
            assertThat(SET.with(s, false)).isEqualTo(new ImportOptions(Format.TWARC_CSV, 7, STOPPED, without));
            assertThat(SET.with(s, true).has(s)).isTrue();
            assertThat(SET.with(s, false).has(s)).isFalse();
        }
    }

    @Test
    void theSwitchesAreACopyNobodyChanges() {
        Set<Switch> given = EnumSet.of(Switch.BULK);
        ImportOptions options = new ImportOptions(null, 1, STOPPED, given);
        given.add(Switch.REIMPORT);
        assertThat(options.has(Switch.REIMPORT)).isFalse();
        assertThatThrownBy(() -> options.switches().add(Switch.REIMPORT))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aWitherChecksItsValueAsTheConstructorDoes() {
        assertThatThrownBy(() -> SET.withBatchSize(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batchSize must be at least 1, was 0");
        assertThatThrownBy(() -> SET.withTermination(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ImportOptions(null, 1, STOPPED, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("switches");
    }
}
