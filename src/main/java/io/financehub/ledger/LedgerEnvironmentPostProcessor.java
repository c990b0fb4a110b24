package io.financehub.ledger;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * Gives the ledger routes {@code hub.accounting.base-url}: {@code HUB_ACCOUNTING_URL} without trailing slashes, so
 * {@code http://ledger:5000/} and {@code http://ledger:5000} both reach {@code /add}, not {@code //add}. The routes
 * read settings as placeholders, which see the raw value, not {@link io.financehub.ledger.adapter.AccountingProperties}'
 * normalised one. Computed when read, so property sources added later (tests) are honoured.
 */
public class LedgerEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String BASE_URL = "hub.accounting.base-url";
    /** Where the ledger routes point while no ledger is configured (sandbox): they are then never called. */
    static final String UNSET = "http://127.0.0.1:5000";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        env.getPropertySources().addLast(new PropertySource<>("hub-ledger-derived", new Object()) {
            @Override
            public Object getProperty(String name) {
                if (!BASE_URL.equals(name)) {
                    return null;
                }
                String url = env.getProperty("hub.accounting.url", "");
                return url.isBlank() ? UNSET : url.trim().replaceAll("/+$", "");
            }
        });
    }
}
