package io.lockstep.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * A command that reads or writes the graph store: picocli's model of the command (its output streams, its usage
 * errors) and the {@link StoreOptions} that say which store, inherited by every such command.
 */
abstract class StoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;
}
