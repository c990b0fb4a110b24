package io.financehub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * A real, separate Artemis broker from the {@code apache-artemis} bin distribution (unpacked into
 * {@code target/artemis-dist} by the build): created with a login, started as its own process, stopped at JVM exit.
 */
public final class StandaloneArtemis {

    public static final String USER = "hub";
    public static final String PASSWORD = "hub-broker-secret";

    private final int port;
    private final Process process;

    private StandaloneArtemis(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    public static StandaloneArtemis start() {
        try {
            Path home = distribution();
            Path instance = Files.createTempDirectory("artemis-instance-");
            int port = HubIntegrationBase.freePort();
            run(List.of(home.resolve("bin/artemis").toString(), "create", instance.toString(), "--user", USER,
                    "--password", PASSWORD, "--require-login", "--silent", "--no-web", "--no-amqp-acceptor",
                    "--no-mqtt-acceptor", "--no-stomp-acceptor", "--no-hornetq-acceptor", "--host", "127.0.0.1",
                    "--default-port", Integer.toString(port), "--force"));
            Process broker = new ProcessBuilder(instance.resolve("bin/artemis").toString(), "run")
                    .redirectErrorStream(true).redirectOutput(instance.resolve("broker.log").toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::destroyForcibly));
            await().atMost(Duration.ofSeconds(60)).until(() -> accepts(port));
            return new StandaloneArtemis(port, broker);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public void stop() {
        process.destroy();
    }

    private static Path distribution() throws IOException {
        try (Stream<Path> dirs = Files.list(Path.of("target/artemis-dist"))) {
            Path home = dirs.filter(d -> d.getFileName().toString().startsWith("apache-artemis-")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("run the build's pre-integration-test phase first"));
            home.resolve("bin/artemis").toFile().setExecutable(true);
            return home;
        }
    }

    private static void run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("artemis create failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
