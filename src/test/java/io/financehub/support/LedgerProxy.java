package io.financehub.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP proxy between the hub and hledger-web that can lose a response: it forwards a {@code PUT /add} to
 * hledger-web — which adds the transaction — and then drops the connection without answering, which is what the
 * hub sees when it crashes, or the network fails, right after the ledger did the work. It can also hold a
 * {@code PUT /add} back and forward it only later, long after the hub timed out and gave up on it: a ledger still
 * busy with a request the hub abandoned. It counts the PUTs per tcode, so a test can prove that nothing was sent
 * twice.
 */
public final class LedgerProxy {

    private static final Pattern TCODE = Pattern.compile("\"tcode\"\\s*:\\s*\"([^\"]*)\"");
    private static LedgerProxy shared;

    private final HttpServer server;
    private final String target;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Set<String> loseResponseOf = ConcurrentHashMap.newKeySet();
    private final List<String> putCodes = new CopyOnWriteArrayList<>();
    private final Map<String, Duration> delayPutOf = new ConcurrentHashMap<>();
    private final Set<String> landedAfterDelay = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();

    private LedgerProxy(String target) {
        this.target = target;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::forward);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    public static synchronized LedgerProxy shared(String target) {
        if (shared == null) {
            shared = new LedgerProxy(target);
        }
        return shared;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next {@code PUT /add} of this tcode reaches hledger-web, but its answer never reaches the hub. */
    public void loseResponseOfPut(String tcode) {
        loseResponseOf.add(tcode);
    }

    /**
     * The next {@code PUT /add} of this tcode is forwarded to hledger-web only {@code delay} after it arrived, whether
     * or not the hub still waits for the answer (its answer, if the hub is still there, follows hledger-web's).
     */
    public void delayPut(String tcode, Duration delay) {
        delayPutOf.put(tcode, delay);
    }

    /** Whether the delayed {@code PUT /add} of this tcode has reached hledger-web and been answered by it. */
    public boolean delayedPutLanded(String tcode) {
        return landedAfterDelay.contains(tcode);
    }

    /** How many {@code PUT /add} requests whose tcode starts with {@code prefix} passed through. */
    public long putsWithCodePrefix(String prefix) {
        return putCodes.stream().filter(c -> c.startsWith(prefix)).count();
    }

    /** How many {@code PUT /add} requests for this tcode passed through. */
    public long putsOf(String tcode) {
        return putCodes.stream().filter(tcode::equals).count();
    }

    private void forward(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String method = exchange.getRequestMethod();
        String tcode = null;
        if ("PUT".equals(method)) {
            Matcher m = TCODE.matcher(new String(body, StandardCharsets.UTF_8));
            tcode = m.find() ? m.group(1) : "";
            putCodes.add(tcode);
        }
        Duration delay = tcode == null ? null : delayPutOf.remove(tcode);
        if (delay == null) {
            forward(exchange, method, tcode, body, false);
            return;
        }
        String code = tcode;
        later.schedule(() -> {
            try {
                forward(exchange, method, code, body, true);
            } catch (IOException e) {
                // the hub hung up long ago: answering it fails, hledger-web has the transaction all the same
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void forward(HttpExchange exchange, String method, String tcode, byte[] body, boolean heldBack)
            throws IOException {
        try (exchange) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (heldBack) {
                landedAfterDelay.add(tcode);
            }
            if (tcode != null && loseResponseOf.remove(tcode)) {
                // closing without sending a status line drops the connection: the caller gets no answer at all
                return;
            }
            response.headers().firstValue("Content-Type")
                    .ifPresent(v -> exchange.getResponseHeaders().add("Content-Type", v));
            byte[] answer = response.body();
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
