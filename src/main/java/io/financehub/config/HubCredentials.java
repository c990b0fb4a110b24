package io.financehub.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/**
 * The effective API tokens and admin credentials. Unset values are generated once per start and logged once, so
 * the embedded default runs with no setup and is still never open.
 */
public class HubCredentials {

    private static final Logger LOG = LoggerFactory.getLogger(HubCredentials.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<String> apiTokens;
    private final String adminUsername;
    private final String adminPassword;

    public HubCredentials(AccessProperties access) {
        if (access.api().tokens().isEmpty()) {
            String token = generate();
            LOG.warn("HUB_API_TOKENS is not set; generated API token for this run: {}", token);
            apiTokens = List.of(token);
        } else {
            apiTokens = access.api().tokens();
        }
        adminUsername = access.admin().username();
        if (access.admin().password() == null || access.admin().password().isBlank()) {
            adminPassword = generate();
            LOG.warn("HUB_ADMIN_PASSWORD is not set; generated password for admin user '{}': {}", adminUsername,
                    adminPassword);
        } else {
            adminPassword = access.admin().password();
        }
    }

    /** Constant-time comparison against every configured token. */
    public boolean isApiToken(String candidate) {
        boolean match = false;
        byte[] given = candidate.getBytes(StandardCharsets.UTF_8);
        for (String token : apiTokens) {
            match |= MessageDigest.isEqual(given, token.getBytes(StandardCharsets.UTF_8));
        }
        return match;
    }

    public String adminUsername() {
        return adminUsername;
    }

    public String adminPassword() {
        return adminPassword;
    }

    private static String generate() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
