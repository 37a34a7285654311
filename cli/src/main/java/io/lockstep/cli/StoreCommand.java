package io.lockstep.cli;

import picocli.CommandLine.Mixin;

/**
 * A command that reads or writes the graph store: the {@link StoreOptions} that say which store, inherited by every
 * such command.
 */
abstract class StoreCommand extends LockstepCommand {
    @Mixin
    StoreOptions storeOptions;
}
