package io.financehub.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * Credentials of the hub's own endpoints.
 *
 * @param api   bearer tokens for {@code /api} ({@code HUB_API_TOKENS}, comma-separated)
 * @param admin Basic credentials for {@code /admin}, actuator and hawtio ({@code HUB_ADMIN_USERNAME}/{@code _PASSWORD})
 */
@ConfigurationProperties(prefix = "hub")
public record AccessProperties(Api api, Admin admin) {

    public AccessProperties {
        api = api == null ? new Api(List.of()) : api;
        admin = admin == null ? new Admin(null, null) : admin;
    }

    public record Api(List<String> tokens) {
        public Api {
            tokens = tokens == null ? List.of() : tokens.stream().map(String::trim).filter(t -> !t.isEmpty()).toList();
        }
    }

    public record Admin(String username, String password) {
        public Admin {
            username = username == null || username.isBlank() ? "admin" : username;
        }
    }
}
