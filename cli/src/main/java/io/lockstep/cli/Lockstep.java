package io.lockstep.cli;

public final class Lockstep {
    public static void main(String[] args) {
        System.out.println("lockstep");
    }
}
