package io.lockstep.visual;

import java.awt.Color;

/**
 * Colours shared by every picture, the viewer and the report. Community colours are a qualitative palette without
 * red, so that red always means "suspicious".
 */
public final class Palette {
    /** Suspicious clusters (fill in the overview, ring around accounts). */
    public static final Color SUSPICIOUS = new Color(0xD6, 0x27, 0x28);
    /** Nodes without community. */
    public static final Color NO_COMMUNITY = new Color(0x9E, 0x9E, 0x9E);
    public static final Color BACKGROUND = Color.WHITE;
    public static final Color TEXT = new Color(0x21, 0x21, 0x21);
    public static final Color RETWEET = new Color(0x78, 0x90, 0x9C);
    public static final Color FOLLOW = new Color(0xB0, 0xBE, 0xC5);
    public static final Color COORDINATION = new Color(0xE6, 0x55, 0x0D);

    private static final int[] COMMUNITY = {
            0x1F77B4, 0x2CA02C, 0x9467BD, 0xFF7F0E, 0x17BECF, 0x8C564B, 0xE377C2, 0xBCBD22,
            0x393B79, 0x637939, 0x3182BD, 0x31A354, 0x756BB1, 0xFDAE6B, 0x6BAED6, 0x74C476,
    };

    private Palette() {
    }

    /** The colour of community {@code id} ({@link SceneNode#NONE} gives grey). */
    public static Color community(int id) {
        if (id < 0) {
            return NO_COMMUNITY;
        }
        return new Color(COMMUNITY[id % COMMUNITY.length]);
    }

    /** The number of distinct community colours before they repeat. */
    public static int communityColours() {
        return COMMUNITY.length;
    }

    public static Color edge(EdgeKind kind) {
        return switch (kind) {
            case RETWEET -> RETWEET;
            case FOLLOW -> FOLLOW;
            case COORDINATION -> COORDINATION;
        };
    }

    /** {@code #rrggbb}. */
    public static String hex(Color c) {
        return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }
}
