package io.financehub.platform.security;

import io.financehub.platform.security.AccessProperties.Account;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The effective API tokens and Basic accounts. The admin password, the scrape password and the API token are
 * generated once per start and logged once when unset, so the embedded default runs with no setup and is still
 * never open; the operator and viewer accounts exist only when their passwords are set.
 */
public class HubCredentials {

    private static final Logger LOG = LoggerFactory.getLogger(HubCredentials.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A Basic account of the hub and the role it holds. */
    public record BasicAccount(String username, String password, HubRole role) {
        @Override
        public String toString() {
            return "BasicAccount[username=" + username + ", role=" + role + "]";
        }
    }

    private final List<String> apiTokens;
    private final List<BasicAccount> accounts;

    public HubCredentials(AccessProperties access) {
        if (access.api().tokens().isEmpty()) {
            String token = generate();
            LOG.warn("HUB_API_TOKENS is not set; generated API token for this run: {}", token);
            apiTokens = List.of(token);
        } else {
            apiTokens = access.api().tokens();
        }
        List<BasicAccount> all = new ArrayList<>();
        all.add(required(access.admin(), HubRole.ADMIN, "HUB_ADMIN_PASSWORD"));
        optional(access.operator(), HubRole.OPERATOR).ifPresent(all::add);
        optional(access.viewer(), HubRole.VIEWER).ifPresent(all::add);
        all.add(required(access.metrics(), HubRole.METRICS, "HUB_METRICS_PASSWORD"));
        Map<String, BasicAccount> byName = new LinkedHashMap<>();
        for (BasicAccount account : all) {
            if (byName.putIfAbsent(account.username(), account) != null) {
                throw new IllegalStateException("two roles share the username '" + account.username()
                        + "': give HUB_ADMIN_USERNAME, HUB_OPERATOR_USERNAME, HUB_VIEWER_USERNAME and "
                        + "HUB_METRICS_USERNAME different values");
            }
        }
        accounts = List.copyOf(all);
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

    /** The Basic accounts, one per role that has a password. */
    public List<BasicAccount> accounts() {
        return accounts;
    }

    private static BasicAccount required(Account account, HubRole role, String variable) {
        if (account.hasPassword()) {
            return new BasicAccount(account.username(), account.password(), role);
        }
        String password = generate();
        LOG.warn("{} is not set; generated password for {} user '{}': {}", variable, role.name().toLowerCase(),
                account.username(), password);
        return new BasicAccount(account.username(), password, role);
    }

    private static Optional<BasicAccount> optional(Account account, HubRole role) {
        return account.hasPassword() ? Optional.of(new BasicAccount(account.username(), account.password(), role))
                : Optional.empty();
    }

    public static String generate() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
