package io.lockstep.simulate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/** The simulated accounts, column by column (index = account number). */
final class Population {
    /** Accounts with fewer followers are anonymised in the information-operations files, as in the real archives. */
    static final int HASH_BELOW_FOLLOWERS = 5000;

    /**
     * What an account is in the simulation, with its row in {@code truth.csv}: the label, the prefix of its group's
     * name ({@code farm-2}: the second farm; none for organic accounts), and whether it behaves organically.
     */
    enum Role {
        ORGANIC("organic", null, true),
        BOT_SEED("bot", "botnet", false),
        BOT_AMPLIFIER("bot", "botnet", false),
        FARM("farm", "farm", false),
        LINKRING("linkring", "linkring", true),
        FANDOM("fandom", "fandom", true),
        NEWS("news", "news", true),
        /** A member of a farm of aged accounts bought second-hand (label {@code farm}, group {@code aged-farm-N}). */
        AGED_FARM("farm", "aged-farm", false);

        final String label;
        private final String groupPrefix;
        final boolean organicLike;

        Role(String label, String groupPrefix, boolean organicLike) {
            this.label = label;
            this.groupPrefix = groupPrefix;
            this.organicLike = organicLike;
        }
    }

    final int size;
    final Role[] role;
    /** Instance number of the account's operation or hard negative (0-based), -1 for organic. */
    final short[] group;
    final int[] community;
    final long[] created;
    final float[] activity;
    final float[] popularity;
    final int[] followers;
    final int[] following;
    final long[] numericId;
    final String[] screenName;
    final String[] displayName;
    final String[] ioId;
    final String[] description;
    final String[] client;

    Population(int size) {
        this.size = size;
        role = new Role[size];
        Arrays.fill(role, Role.ORGANIC);
        group = new short[size];
        community = new int[size];
        created = new long[size];
        activity = new float[size];
        popularity = new float[size];
        followers = new int[size];
        following = new int[size];
        numericId = new long[size];
        screenName = new String[size];
        displayName = new String[size];
        ioId = new String[size];
        description = new String[size];
        client = new String[size];
    }

    /** True for accounts that behave organically (every role but bots and farm members). */
    boolean organicLike(int a) {
        return role[a].organicLike;
    }

    boolean hashed(int a) {
        return followers[a] < HASH_BELOW_FOLLOWERS;
    }

    /** Screen name as the information-operations files show it (the hash for small accounts). */
    String ioScreenName(int a) {
        return hashed(a) ? ioId[a] : screenName[a];
    }

    String ioDisplayName(int a) {
        return hashed(a) ? ioId[a] : displayName[a];
    }

    String label(int a) {
        return role[a].label;
    }

    /** The account's group in {@code truth.csv}: the role's prefix and the instance number from 1. */
    String groupName(int a) {
        Role r = role[a];
        return r.groupPrefix == null ? "organic" : r.groupPrefix + "-" + (group[a] + 1);
    }

    /** Fills {@link #ioId}: the numeric id for large accounts, a salted SHA-256 (Base64) for small ones. */
    void assignIoIds(long seed) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Base64.Encoder b64 = Base64.getEncoder();
        for (int a = 0; a < size; a++) {
            if (hashed(a)) {
                byte[] h = sha.digest(("lockstep-sim:" + seed + ":" + numericId[a]).getBytes(StandardCharsets.UTF_8));
                ioId[a] = b64.encodeToString(h);
            } else {
                ioId[a] = Long.toString(numericId[a]);
            }
        }
    }
}
