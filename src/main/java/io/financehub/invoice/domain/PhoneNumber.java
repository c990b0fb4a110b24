package io.financehub.invoice.domain;

import java.util.regex.Pattern;

/** E.164 numbers and the masked form used in logs ({@code +1555***4567}). */
public final class PhoneNumber {

    private static final Pattern E164 = Pattern.compile("^\\+[1-9]\\d{1,14}$");

    private PhoneNumber() {
    }

    public static boolean isE164(String value) {
        return value != null && E164.matcher(value).matches();
    }

    public static String mask(String value) {
        if (value == null) {
            return null;
        }
        if (value.length() <= 8) {
            return "***";
        }
        return value.substring(0, 5) + "***" + value.substring(value.length() - 4);
    }
}
