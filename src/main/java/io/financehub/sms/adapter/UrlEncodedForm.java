package io.financehub.sms.adapter;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Strict {@code application/x-www-form-urlencoded} decoding of a raw body. Lenient decoders guess at broken input
 * (replacement characters, dropped escapes); a signed form is only checked against exactly what was sent, so
 * anything irregular is refused instead: bytes outside printable ASCII, broken {@code %} escapes, escaped bytes
 * that are not UTF-8, a repeated parameter name.
 */
final class UrlEncodedForm {

    static final int MAX_PARAMETERS = 256;

    private UrlEncodedForm() {
    }

    /** @throws IllegalArgumentException when the body is not a well-formed form */
    static Map<String, String> parse(byte[] body) {
        Map<String, String> params = new LinkedHashMap<>();
        int start = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '&') {
                if (i > start) {
                    addPair(params, body, start, i);
                }
                start = i + 1;
            }
        }
        return Collections.unmodifiableMap(params);
    }

    static Map<String, String> parse(String body) {
        return parse(body.getBytes(StandardCharsets.UTF_8));
    }

    private static void addPair(Map<String, String> params, byte[] body, int from, int to) {
        if (params.size() >= MAX_PARAMETERS) {
            throw new IllegalArgumentException("more than " + MAX_PARAMETERS + " parameters");
        }
        int eq = from;
        while (eq < to && body[eq] != '=') {
            eq++;
        }
        String name = decode(body, from, eq);
        String value = eq < to ? decode(body, eq + 1, to) : "";
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a parameter without a name");
        }
        if (params.putIfAbsent(name, value) != null) {
            throw new IllegalArgumentException("parameter " + name + " given twice");
        }
    }

    private static String decode(byte[] body, int from, int to) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = body[i];
            if (b == '+') {
                bytes.write(' ');
            } else if (b == '%') {
                if (i + 2 >= to || hex(body[i + 1]) < 0 || hex(body[i + 2]) < 0) {
                    throw new IllegalArgumentException("a broken % escape");
                }
                bytes.write(hex(body[i + 1]) * 16 + hex(body[i + 2]));
                i += 2;
            } else if (b < 0x21 || b > 0x7e) {
                throw new IllegalArgumentException("a byte outside printable ASCII");
            } else {
                bytes.write(b);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("an escaped value that is not UTF-8");
        }
    }

    private static int hex(byte b) {
        return Character.digit((char) b, 16);
    }
}
