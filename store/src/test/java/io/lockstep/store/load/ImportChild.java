package io.lockstep.store.load;

import io.lockstep.progress.ProgressListener;
import io.lockstep.store.GraphStore;

import io.lockstep.store.load.ImportOptions.Switch;
import java.nio.file.Path;
import java.util.List;

/**
 * The import run in a child JVM by {@link KillAndResumeTest}: prints {@code rows N} after every committed batch
 * and {@code task NAME} when a task begins, so that the parent can kill it mid-way, and {@code done} at the end.
 * Usage: {@code ImportChild STORE_DIR FILE BATCH_SIZE [bulk|transactional]}.
 */
public final class ImportChild {
    public static void main(String[] args) throws Exception {
        final class Rows implements ProgressListener, ArchiveImporter.RowProgress {
            @Override
            public void begin(String task, long totalUnits) {
                System.out.println("task " + task);
                System.out.flush();
            }

            @Override
            public void rows(long rowsDone) {
                System.out.println("rows " + rowsDone);
                System.out.flush();
            }
        }
        try (GraphStore store = GraphStore.embedded(Path.of(args[0]))) {
            new ArchiveImporter().importFiles(store, List.of(Path.of(args[1])),
                    ImportOptions.defaults().withBatchSize(Integer.parseInt(args[2]))
                            .with(Switch.BULK, args.length > 3 && args[3].equals("bulk")), new Rows());
        }
        System.out.println("done");
        System.out.flush();
    }

    private ImportChild() {
    }
}
