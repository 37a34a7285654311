package io.lockstep.cli;

import picocli.CommandLine.Option;

/**
 * {@code --cluster} or {@code --community}: the part of the graph a picture shows, shared by {@code render} and
 * {@code view} as an exclusive group ({@code view}'s group adds its own choices to these). Neither: the command's
 * default picture.
 */
public class SceneChoice {
    @Option(names = "--cluster", paramLabel = "ID", description = "A coordinated cluster and its closest neighbours.")
    Integer cluster;

    @Option(names = "--community", paramLabel = "ID", description = "One community.")
    Integer community;

    /** Whether {@code --cluster} or {@code --community} was given. */
    boolean chosen() {
        return cluster != null || community != null;
    }
}
