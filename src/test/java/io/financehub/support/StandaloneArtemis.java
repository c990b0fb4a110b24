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
    private final Path instance;
    private Process process;

    private StandaloneArtemis(int port, Path instance, Process process) {
        this.port = port;
        this.instance = instance;
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
            StandaloneArtemis artemis = new StandaloneArtemis(port, instance, run(instance, port));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> artemis.process.destroyForcibly()));
            return artemis;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops the broker as its service manager would (SIGTERM, waiting for it to exit) and starts it again on the same
     * instance, journal and port; returns once it accepts connections again.
     */
    public synchronized void restart() {
        stop();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> !accepts(port));
            process = run(instance, port);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Process run(Path instance, int port) throws IOException {
        Process broker = new ProcessBuilder(instance.resolve("bin/artemis").toString(), "run")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                        instance.resolve("broker.log").toFile())).start();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            if (!broker.isAlive()) {
                throw new IllegalStateException("the broker exited; see " + instance.resolve("broker.log"));
            }
            return accepts(port);
        });
        return broker;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public synchronized void stop() {
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
