package io.financehub.flow.adapter;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes credentials from endpoint URIs and request texts bound for {@code flow_calls} and logs: the user-info of a
 * URI ({@code https://user:pass@host}), the values of query parameters whose name says secret (password, token,
 * key, secret, credential, auth, signature: {@code authPassword}, {@code apiKey}, {@code access_token}, ...) and
 * {@code Authorization} header lines.
 */
final class EndpointMask {

    static final String MASKED = "[masked]";

    private static final Pattern USER_INFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)[^/@?#\\s]+@");
    private static final Pattern QUERY_PARAMETER = Pattern.compile("([?&])([^=&#\\s]+)=([^&#\\s]*)");
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(pass|pwd|token|secret|key|credential|auth|signature).*");
    private static final Pattern AUTHORIZATION = Pattern.compile("(?im)^((?:proxy-)?authorization):.*$");

    private EndpointMask() {
    }

    static String uri(String uri) {
        if (uri == null) {
            return null;
        }
        String masked = USER_INFO.matcher(uri).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASKED
                + "@"));
        return QUERY_PARAMETER.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(
                SECRET_NAME.matcher(m.group(2)).matches()
                        ? m.group(1) + m.group(2) + "=" + MASKED : m.group()));
    }

    /** A request or response text: URIs in it and its {@code Authorization} lines masked. */
    static String text(String text) {
        if (text == null) {
            return null;
        }
        return AUTHORIZATION.matcher(uri(text)).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + ": "
                + MASKED));
    }
}
