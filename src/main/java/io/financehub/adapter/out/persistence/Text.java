package io.financehub.adapter.out.persistence;

/** Fits free text into bounded columns. */
final class Text {

    private Text() {
    }

    static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
