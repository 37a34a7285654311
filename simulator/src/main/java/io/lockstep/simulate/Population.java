package io.lockstep.simulate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** The simulated accounts, column by column (index = account number). */
final class Population {
    /** Accounts with fewer followers are anonymised in the information-operations files, as in the real archives. */
    static final int HASH_BELOW_FOLLOWERS = 5000;

    static final byte ORGANIC = 0;
    static final byte BOT_SEED = 1;
    static final byte BOT_AMPLIFIER = 2;
    static final byte FARM = 3;
    static final byte LINKRING = 4;
    static final byte FANDOM = 5;
    static final byte NEWS = 6;
    /** A member of a farm of aged accounts bought second-hand (label {@code farm}, group {@code aged-farm-N}). */
    static final byte AGED_FARM = 7;

    final int size;
    final byte[] role;
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
        role = new byte[size];
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
        byte r = role[a];
        return r != BOT_SEED && r != BOT_AMPLIFIER && r != FARM && r != AGED_FARM;
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
        return switch (role[a]) {
            case BOT_SEED, BOT_AMPLIFIER -> "bot";
            case FARM, AGED_FARM -> "farm";
            case LINKRING -> "linkring";
            case FANDOM -> "fandom";
            case NEWS -> "news";
            default -> "organic";
        };
    }

    String groupName(int a) {
        return switch (role[a]) {
            case BOT_SEED, BOT_AMPLIFIER -> "botnet-" + (group[a] + 1);
            case FARM -> "farm-" + (group[a] + 1);
            case AGED_FARM -> "aged-farm-" + (group[a] + 1);
            case LINKRING -> "linkring-" + (group[a] + 1);
            case FANDOM -> "fandom-" + (group[a] + 1);
            case NEWS -> "news-" + (group[a] + 1);
            default -> "organic";
        };
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
