package io.financehub.platform.security;

import org.springframework.security.crypto.password.PasswordEncoder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Keeps the Basic passwords as SHA-256 digests and compares in constant time, so neither the answer's timing nor a
 * heap reader's glance at the user store gives a password away. The passwords are generated or operator-chosen
 * secrets held in memory only, checked on every request (Prometheus scrapes included): a slow hash such as bcrypt
 * would cost every request tens of milliseconds and protect no stored file.
 */
final class ConstantTimePasswordEncoder implements PasswordEncoder {

    @Override
    public String encode(CharSequence rawPassword) {
        return HexFormat.of().formatHex(sha256(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return false;
        }
        // both sides are 64 hex digits whatever the input, so the comparison's time tells nothing about either
        return MessageDigest.isEqual(encode(rawPassword).getBytes(StandardCharsets.US_ASCII),
                encodedPassword.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] sha256(CharSequence text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
