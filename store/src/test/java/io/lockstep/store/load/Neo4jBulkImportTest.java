package io.lockstep.store.load;

import org.junit.jupiter.api.Test;
import org.neo4j.batchimport.api.Configuration;
import org.neo4j.batchimport.api.IndexConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fed import's configuration: the command's own in every setting but the page-cache flusher, which is off
 * (the loads themselves are held to their content by {@code BulkLoaderTest} and {@code WritePathsAgreeTest}).
 */
class Neo4jBulkImportTest {
    @Test
    void theFlusherIsOffAndEveryOtherSettingIsTheCommands() {
        IndexConfig indexes = IndexConfig.create();
        Configuration command = new Configuration() {
            @Override
            public int batchSize() {
                return 1_234;
            }

            @Override
            public int movingAverageSize() {
                return 17;
            }

            @Override
            public int maxNumberOfWorkerThreads() {
                return 3;
            }

            @Override
            public int maxQueueSize() {
                return 29;
            }

            @Override
            public long maxOffHeapMemory() {
                return 123_456_789L;
            }

            @Override
            public boolean sequentialBackgroundFlushing() {
                return true;
            }

            @Override
            public boolean parallelRecordWrites() {
                return false;
            }

            @Override
            public boolean parallelRecordReads() {
                return false;
            }

            @Override
            public boolean highIO() {
                return false;
            }

            @Override
            public boolean strictNodeCheck() {
                return true;
            }

            @Override
            public IndexConfig indexConfig() {
                return indexes;
            }

            @Override
            public boolean defragmentInternalStores() {
                return true;
            }

            @Override
            public int forcedNumberOfNodeIdRanges() {
                return 5;
            }
        };
        Configuration fed = new Neo4jBulkImport.WithoutFlusher(command);

        assertThat(fed.sequentialBackgroundFlushing()).isFalse();
        assertThat(fed.batchSize()).isEqualTo(1_234);
        assertThat(fed.movingAverageSize()).isEqualTo(17);
        assertThat(fed.maxNumberOfWorkerThreads()).isEqualTo(3);
        assertThat(fed.maxQueueSize()).isEqualTo(29);
        assertThat(fed.maxOffHeapMemory()).isEqualTo(123_456_789L);
        assertThat(fed.parallelRecordWrites()).isFalse();
        assertThat(fed.parallelRecordReads()).isFalse();
        assertThat(fed.highIO()).isFalse();
        assertThat(fed.strictNodeCheck()).isTrue();
        assertThat(fed.indexConfig()).isSameAs(indexes);
        assertThat(fed.defragmentInternalStores()).isTrue();
        assertThat(fed.forcedNumberOfNodeIdRanges()).isEqualTo(5);
        assertThat(fed.providedPageCache()).isNull();
    }
}
