package io.lockstep.spark;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PairBlocksTest {
    @Test
    void strengthRangesCoverTheAccountsWithinTheShufflePartitions() {
        assertThat(PairBlocks.ranges(924_239, 48, 65_536)).isEqualTo(15);
        assertThat(PairBlocks.ranges(100_000_000, 20_000, 65_536)).isEqualTo(1_526);
        assertThat(PairBlocks.ranges(600, 4, 97)).isEqualTo(4);
        assertThat(PairBlocks.ranges(300, 16, 97)).isEqualTo(4);
        assertThat(PairBlocks.ranges(0, 16, 97)).isEqualTo(1);
        assertThat(PairBlocks.ranges(Integer.MAX_VALUE, Integer.MAX_VALUE, 1)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void rangeAccountsIsValidatedWhereItIsRead() {
        SparkSession spark = SharedSpark.get();
        try {
            spark.conf().set(SparkCoActions.RANGE_ACCOUNTS, "0");
            assertThatThrownBy(() -> SparkCoActions.rangeAccounts(spark)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(SparkCoActions.RANGE_ACCOUNTS).hasMessageContaining("'0'");
            spark.conf().set(SparkCoActions.RANGE_ACCOUNTS, "many");
            assertThatThrownBy(() -> SparkCoActions.rangeAccounts(spark)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'many'");
            spark.conf().set(SparkCoActions.RANGE_ACCOUNTS, " 500 ");
            assertThat(SparkCoActions.rangeAccounts(spark)).isEqualTo(500);
            spark.conf().unset(SparkCoActions.RANGE_ACCOUNTS);
            assertThat(SparkCoActions.rangeAccounts(spark)).isEqualTo(SparkCoActions.DEFAULT_RANGE_ACCOUNTS);
        } finally {
            spark.conf().set(SparkCoActions.RANGE_ACCOUNTS, "97"); // the shared session's setting
        }
    }
}
