package io.financehub.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * Credentials of the hub's own endpoints.
 *
 * @param api      bearer tokens for {@code /api} ({@code HUB_API_TOKENS}, comma-separated)
 * @param admin    the admin's Basic credentials ({@code HUB_ADMIN_USERNAME}/{@code _PASSWORD}); a password is generated
 *                 and logged when none is set
 * @param operator the operator's ({@code HUB_OPERATOR_USERNAME}/{@code _PASSWORD}); no password, no operator account
 * @param viewer   the viewer's ({@code HUB_VIEWER_USERNAME}/{@code _PASSWORD}); no password, no viewer account
 * @param metrics  the Prometheus scrape credential ({@code HUB_METRICS_USERNAME}/{@code _PASSWORD}); a password is
 *                 generated and logged when none is set
 */
@ConfigurationProperties(prefix = "hub")
public record AccessProperties(Api api, Account admin, Account operator, Account viewer, Account metrics) {

    public AccessProperties {
        api = api == null ? new Api(List.of()) : api;
        admin = Account.orDefault(admin, "admin");
        operator = Account.orDefault(operator, "operator");
        viewer = Account.orDefault(viewer, "viewer");
        metrics = Account.orDefault(metrics, "prometheus");
    }

    public record Api(List<String> tokens) {
        public Api {
            tokens = tokens == null ? List.of() : tokens.stream().map(String::trim).filter(t -> !t.isEmpty()).toList();
        }
    }

    /** One Basic account; a blank password means "not set". */
    public record Account(String username, String password) {

        static Account orDefault(Account account, String defaultUsername) {
            if (account == null) {
                return new Account(defaultUsername, null);
            }
            return account.username() == null || account.username().isBlank()
                    ? new Account(defaultUsername, account.password()) : account;
        }

        public boolean hasPassword() {
            return password != null && !password.isBlank();
        }

        @Override
        public String toString() {
            // records print every component; a password must never reach a log line
            return "Account[username=" + username + ", password=" + (hasPassword() ? "<set>" : "<none>") + "]";
        }
    }
}
