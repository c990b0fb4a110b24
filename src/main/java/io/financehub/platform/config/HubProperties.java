package io.financehub.platform.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * Hub-wide settings.
 *
 * @param dataDir       H2 file and embedded broker journal ({@code HUB_DATA_DIR})
 * @param publicBaseUrl the URL vendors reach the hub at ({@code HUB_PUBLIC_BASE_URL}): Twilio signs it
 * @param routesDir     YAML route definitions ({@code HUB_ROUTES_DIR}); the packaged copy is used when absent
 */
@ConfigurationProperties(prefix = "hub")
public record HubProperties(Path dataDir, String publicBaseUrl, Path routesDir) {

    public HubProperties {
        dataDir = dataDir == null ? Path.of("./data") : dataDir;
        publicBaseUrl = publicBaseUrl == null ? "http://localhost:8080" : publicBaseUrl.replaceAll("/+$", "");
        routesDir = routesDir == null ? Path.of("./routes") : routesDir;
    }
}
