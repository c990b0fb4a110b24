package io.financehub.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Base of the end-to-end tests: the whole hub on a random HTTP port, its embedded broker on a free TCP port, its
 * data in a fresh directory, and the database chosen by the {@code hub.it.database} system property ({@code h2},
 * the default, or {@code postgres}: the failsafe plugin runs every IT once per database).
 * Tests use invoice and event ids of their own, so they never depend on each other's rows.
 */
@SpringBootTest(classes = io.financehub.HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class HubIntegrationBase {

    public static final String API_TOKEN = "test-api-token";
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-password";
    public static final String VIEWER_USER = "viewer";
    public static final String VIEWER_PASSWORD = "test-viewer-password";
    public static final String OPERATOR_USER = "operator";
    public static final String OPERATOR_PASSWORD = "test-operator-password";
    public static final String METRICS_USER = "prometheus";
    public static final String METRICS_PASSWORD = "test-metrics-password";
    public static final String STRIPE_SECRET = "whsec_test_primary";
    public static final String STRIPE_SECRET_ROTATED = "whsec_test_rotated";
    public static final String TWILIO_TOKEN = "twilio-test-auth-token";
    public static final String PUBLIC_BASE_URL = "https://hub.example.test";

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) {
        // evaluated once per application context: each context gets its own data directory and broker port
        Path dataDir = newDataDir();
        int brokerPort = freePort();
        registry.add("hub.data-dir", dataDir::toString);
        registry.add("hub.broker.embedded-port", () -> brokerPort);
        TestDatabase.current().register(registry);
    }

    protected String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    protected HubClient hub() {
        return new HubClient(baseUrl());
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path newDataDir() {
        try {
            return Files.createTempDirectory("hub-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
