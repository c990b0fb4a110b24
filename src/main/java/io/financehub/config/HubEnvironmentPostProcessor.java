package io.financehub.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Derives framework settings from the hub's own variables, at the lowest precedence so an explicit
 * {@code spring.*} or {@code camel.*} setting still wins:
 * <ul>
 *   <li>routes: {@code HUB_ROUTES_DIR} when it exists, else the copy packaged in the jar;</li>
 *   <li>broker: {@code HUB_BROKER_URL} empty starts the embedded Artemis with its journal under
 *   {@code HUB_DATA_DIR}; set, it connects to that broker instead.</li>
 * </ul>
 */
public class HubEnvironmentPostProcessor implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        Map<String, Object> derived = new HashMap<>();
        Path routesDir = Path.of(env.getProperty("hub.routes-dir", "./routes"));
        derived.put("camel.main.routes-include-pattern", Files.isDirectory(routesDir)
                ? "file:" + routesDir.toAbsolutePath().normalize() + "/*.yaml"
                : "classpath:routes/*.yaml");
        derived.put("camel.main.routes-reload-directory", routesDir.toAbsolutePath().normalize().toString());

        String brokerUrl = env.getProperty("hub.broker.url", "");
        if (brokerUrl.isBlank()) {
            derived.put("spring.artemis.mode", "embedded");
            derived.put("spring.artemis.embedded.enabled", "true");
            derived.put("spring.artemis.embedded.persistent", "true");
            // a placeholder, resolved when the broker is configured: property sources added after this point
            // (test contexts' @DynamicPropertySource) must move the journal too, or two contexts share one
            // journal and the second broker waits forever for the first one's file lock
            derived.put("spring.artemis.embedded.data-directory", "${hub.data-dir:./data}/artemis");
        } else {
            derived.put("spring.artemis.mode", "native");
            derived.put("spring.artemis.embedded.enabled", "false");
            derived.put("spring.artemis.broker-url", brokerUrl);
            String user = env.getProperty("hub.broker.user", "");
            if (!user.isBlank()) {
                derived.put("spring.artemis.user", user);
                derived.put("spring.artemis.password", env.getProperty("hub.broker.password", ""));
            }
        }
        env.getPropertySources().addLast(new MapPropertySource("hub-derived", derived));
    }
}
