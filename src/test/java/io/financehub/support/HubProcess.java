package io.financehub.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged jar as a child process on the embedded default (H2 file and Artemis under {@code dataDir}), with the
 * test profile's credentials, started and waited for until {@code /actuator/health} answers 200. What a test does to
 * the process (SIGTERM through {@link Process#destroy()}, SIGKILL through {@link Process#destroyForcibly()}) is its
 * own; the log is {@code dataDir/<name>.log}.
 */
public record HubProcess(Process process, int port, Path log) {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Starts the hub with {@code env} on top of the test credentials and waits until it is healthy. */
    public static HubProcess start(Path dataDir, String name, Map<String, String> env) throws IOException {
        return start(dataDir, name, env, HubIntegrationBase.freePort());
    }

    /** As {@link #start(Path, String, Map)}, on {@code port} (a restarted replica keeps its address). */
    public static HubProcess start(Path dataDir, String name, Map<String, String> env, int port) throws IOException {
        HubProcess hub = launch(dataDir, name, env, port);
        hub.awaitHealthy();
        return hub;
    }

    /** Starts the process and returns at once, before it answers anything. */
    public static HubProcess launch(Path dataDir, String name, Map<String, String> env, int port) throws IOException {
        Path log = dataDir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-Xmx512m", "-jar", packagedJar().toString())
                .directory(dataDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> environment = builder.environment();
        environment.remove("SPRING_PROFILES_ACTIVE");
        environment.put("SERVER_PORT", Integer.toString(port));
        environment.put("HUB_DATA_DIR", dataDir.toString());
        environment.put("HUB_BROKER_EMBEDDED_PORT", Integer.toString(HubIntegrationBase.freePort()));
        environment.put("HUB_STRIPE_WEBHOOK_SECRETS", HubIntegrationBase.STRIPE_SECRET);
        environment.put("HUB_ADMIN_PASSWORD", HubIntegrationBase.ADMIN_PASSWORD);
        environment.put("HUB_API_TOKENS", HubIntegrationBase.API_TOKEN);
        environment.put("LOGGING_LEVEL_ROOT", "WARN");
        environment.putAll(env);
        return new HubProcess(builder.start(), port, log);
    }

    /** Waits until {@code /actuator/health} answers 200, failing at once if the process exits. */
    public void awaitHealthy() {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(process.isAlive()).as("hub exited; see " + log).isTrue();
            return status("/actuator/health") == 200;
        });
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The status of a GET, or -1 when nothing answered within 2 s (the port is closed, the process gone). */
    public int status(String path) {
        HttpResponse<String> response = get(path);
        return response == null ? -1 : response.statusCode();
    }

    /** A GET without credentials, or {@code null} when nothing answered within 2 s. */
    public HttpResponse<String> get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(2))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The H2 file database the process ran on, for opening directly once it has exited. */
    public static String h2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("hub") + ";MODE=PostgreSQL";
    }

    public static Path packagedJar() throws IOException {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of("target"), "finance-integration-hub-*.jar")) {
            for (Path jar : jars) {
                return jar.toAbsolutePath();
            }
        }
        throw new IllegalStateException("no packaged jar in target/: the integration-test phase runs after package");
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
