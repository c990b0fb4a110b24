package io.financehub.platform.persistence;

/** Fits free text into bounded columns. */
public final class Text {

    private Text() {
    }

    public static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
