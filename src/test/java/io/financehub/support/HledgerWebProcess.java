package io.financehub.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A real hledger-web ({@code apt-get install hledger-web hledger}) serving a fresh journal in a temp directory, as
 * the hub's production deployment runs it: {@code --serve-api --capabilities=view,add}. One process per test JVM,
 * stopped when the JVM ends (the hub's cached application context outlives each test class).
 */
public final class HledgerWebProcess {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static HledgerWebProcess shared;

    private final Process process;
    private final Path journal;
    private final String url;

    private HledgerWebProcess(Process process, Path journal, String url) {
        this.process = process;
        this.journal = journal;
        this.url = url;
    }

    public static synchronized HledgerWebProcess shared() {
        if (shared == null) {
            shared = start();
            HledgerWebProcess started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "hledger-web-stop"));
        }
        return shared;
    }

    public static HledgerWebProcess start() {
        try {
            Path dir = Files.createTempDirectory("hledger-it-");
            Path journal = dir.resolve("ledger.journal");
            Files.writeString(journal, "");
            int port = HubIntegrationBase.freePort();
            Process process = new ProcessBuilder("hledger-web", "-f", journal.toString(), "--serve-api",
                    "--host", "127.0.0.1", "--port", Integer.toString(port), "--capabilities=view,add")
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("hledger-web.log").toFile())
                    .start();
            HledgerWebProcess web = new HledgerWebProcess(process, journal, "http://127.0.0.1:" + port);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> process.isAlive() && web.answers());
            return web;
        } catch (IOException e) {
            throw new UncheckedIOException("hledger-web could not be started (is it installed?)", e);
        }
    }

    public String url() {
        return url;
    }

    public Path journal() {
        return journal;
    }

    /**
     * Every transaction in the journal file, read by the hledger command line ({@code hledger print -O json}, the
     * same JSON shape as hledger-web's API). This is the ledger's truth: hledger-web's own {@code GET /transactions}
     * can lag behind its file (see {@code HledgerLedger}).
     */
    public List<JsonNode> transactions() {
        try {
            List<JsonNode> all = new ArrayList<>();
            JSON.readTree(hledger("print", "-O", "json")).forEach(all::add);
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The transactions in the journal file whose tcode starts with {@code prefix}. */
    public List<JsonNode> transactionsWithCodePrefix(String prefix) {
        return transactions().stream().filter(t -> t.path("tcode").asText("").startsWith(prefix)).toList();
    }

    /** The tcodes hledger-web itself serves right now ({@code GET /transactions}, its in-memory copy). */
    public List<String> servedCodes() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url + "/transactions")).GET());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /transactions answered " + response.statusCode());
        }
        try {
            List<String> codes = new ArrayList<>();
            JSON.readTree(response.body()).forEach(t -> codes.add(t.path("tcode").asText()));
            return codes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the journal file at once, as an editor saving it would (hledger-web re-reads it on change). */
    public void rewriteJournal(String text) {
        try {
            Path tmp = journal.resolveSibling(journal.getFileName() + ".edit");
            Files.writeString(tmp, text);
            Files.move(tmp, journal, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String readJournal() {
        try {
            return Files.readString(journal);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the hledger command line on the journal ({@code hledger -f JOURNAL args...}) and returns its output. */
    public String hledger(String... args) {
        List<String> command = new ArrayList<>(List.of("hledger", "-f", journal.toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private boolean answers() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url + "/version")).timeout(Duration.ofSeconds(2))
                    .GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
