package io.financehub.platform.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.Map;

/**
 * Derives framework settings from the hub's own variables, at the lowest precedence so an explicit
 * {@code spring.*} or {@code camel.*} setting still wins:
 * <ul>
 *   <li>routes: {@code HUB_ROUTES_DIR} when it exists, else the copy packaged in the jar;</li>
 *   <li>broker: {@code HUB_BROKER_URL} empty starts the embedded Artemis with its journal under
 *   {@code HUB_DATA_DIR}; set, it connects to that broker instead, with {@code HUB_BROKER_USER}/{@code _PASSWORD}.</li>
 * </ul>
 * Values are computed when read, not when this runs, so property sources added later (tests) are honoured.
 */
public class HubEnvironmentPostProcessor implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        env.getPropertySources().addLast(new DerivedProperties(env));
    }

    static final class DerivedProperties extends PropertySource<Object> {

        private final Map<String, Function<ConfigurableEnvironment, String>> derivations = Map.of(
                "camel.main.routes-include-pattern", env -> Files.isDirectory(routesDir(env))
                        ? "file:" + routesDir(env) + "/*.yaml" : "classpath:routes/*.yaml",
                "camel.main.routes-reload-directory", env -> routesDir(env).toString(),
                "spring.artemis.mode", env -> embedded(env) ? "embedded" : "native",
                "spring.artemis.embedded.enabled", env -> Boolean.toString(embedded(env)),
                "spring.artemis.embedded.persistent", env -> "true",
                "spring.artemis.embedded.data-directory", env -> dataDir(env).resolve("artemis").toString(),
                "spring.artemis.broker-url", env -> embedded(env) ? null : hub(env, "hub.broker.url", null),
                "spring.artemis.user", env -> embedded(env) ? null : blankToNull(hub(env, "hub.broker.user", null)),
                "spring.artemis.password", env -> embedded(env) ? null
                        : blankToNull(hub(env, "hub.broker.password", null)));

        // not the property source's "source": Boot expands a source that is an Environment into its sources,
        // which would include this one again
        private final ConfigurableEnvironment env;

        DerivedProperties(ConfigurableEnvironment env) {
            super("hub-derived", new Object());
            this.env = env;
        }

        @Override
        public Object getProperty(String name) {
            Function<ConfigurableEnvironment, String> derivation = derivations.get(name);
            return derivation == null ? null : derivation.apply(env);
        }

        /**
         * Reads a hub setting straight from the other property sources (environment variables resolve their
         * relaxed names themselves), bypassing Boot's attached view of all sources, which includes this one.
         */
        private static String hub(ConfigurableEnvironment env, String name, String fallback) {
            for (PropertySource<?> source : env.getPropertySources()) {
                if (source instanceof DerivedProperties || "configurationProperties".equals(source.getName())) {
                    continue;
                }
                Object value = source.getProperty(name);
                if (value != null) {
                    return env.resolvePlaceholders(value.toString());
                }
            }
            return fallback;
        }

        private static boolean embedded(ConfigurableEnvironment env) {
            return hub(env, "hub.broker.url", "").isBlank();
        }

        private static Path routesDir(ConfigurableEnvironment env) {
            return Path.of(hub(env, "hub.routes-dir", "./routes")).toAbsolutePath().normalize();
        }

        private static Path dataDir(ConfigurableEnvironment env) {
            return Path.of(hub(env, "hub.data-dir", "./data")).toAbsolutePath().normalize();
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value;
        }
    }
}
