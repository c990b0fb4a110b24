import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The bare durable floor for webhook intake: the least a correct intake must do per Stripe event, with no
 * framework. Verify the signature over the raw bytes, insert one row keyed by the event id (autocommit, so
 * the row is on disk before the answer), send one PERSISTENT JMS message (Artemis blocks a non-transacted
 * durable send until the broker has stored it), answer 200. The hub's intake is measured against this.
 * Insert and send are not atomic (no XA): a crash between them leaves a row without a message; the floor
 * accepts that because it only prices the two durable writes.
 *
 *   java -cp <postgresql + artemis-jakarta-client> bench/floor/DurableFloor.java --secret whsec_x --threads 64
 */
public class DurableFloor {
    static final long TOLERANCE_SECONDS = 300;
    static final HexFormat HEX = HexFormat.of();

    public static void main(String[] argv) throws Exception {
        Map<String, String> a = new HashMap<>(Map.of("--port", "8090", "--threads", "64", "--queue", "floor.webhooks.stripe",
                "--jdbc-url", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres", "--broker-url", "tcp://127.0.0.1:61616"));
        for (int i = 0; i + 1 < argv.length; i += 2) a.put(argv[i], argv[i + 1]);
        String secret = a.getOrDefault("--secret", System.getenv("FLOOR_STRIPE_SECRET"));
        if (secret == null || secret.isEmpty()) throw new IllegalArgumentException("--secret or FLOOR_STRIPE_SECRET is required");
        String jdbcUrl = a.get("--jdbc-url");
        int threads = Integer.parseInt(a.get("--threads"));

        try (var c = DriverManager.getConnection(jdbcUrl); var s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS floor_webhook_events (event_id text PRIMARY KEY, payload_hash text,"
                    + " payload text, received_at timestamptz)");
        }
        // One JMS connection is thread-safe; sessions and producers are not, so each worker keeps its own.
        var factory = new ActiveMQConnectionFactory(a.get("--broker-url"));
        Connection jms = factory.createConnection(a.get("--broker-user"), a.get("--broker-password"));
        jms.start();
        String queue = a.get("--queue");

        ThreadLocal<PreparedStatement> insert = ThreadLocal.withInitial(() -> unchecked(() -> DriverManager.getConnection(jdbcUrl)
                .prepareStatement("INSERT INTO floor_webhook_events (event_id, payload_hash, payload, received_at)"
                        + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")));
        ThreadLocal<Session> sessions = ThreadLocal.withInitial(() -> unchecked(() -> jms.createSession(false, Session.AUTO_ACKNOWLEDGE)));
        ThreadLocal<MessageProducer> producers = ThreadLocal.withInitial(() -> unchecked(() -> {
            MessageProducer p = sessions.get().createProducer(sessions.get().createQueue(queue));
            p.setDeliveryMode(DeliveryMode.PERSISTENT);
            return p;
        }));
        ThreadLocal<Mac> macs = ThreadLocal.withInitial(() -> unchecked(() -> {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return m;
        }));

        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(a.get("--port"))), 1024);
        server.setExecutor(Executors.newFixedThreadPool(threads));
        server.createContext("/webhooks/stripe", ex -> {
            try {
                if (!"POST".equals(ex.getRequestMethod())) { answer(ex, 405, error("method_not_allowed", "POST only")); return; }
                byte[] body = ex.getRequestBody().readAllBytes();
                if (!signatureValid(macs.get(), ex.getRequestHeaders().getFirst("Stripe-Signature"), body)) {
                    answer(ex, 400, error("invalid_signature", "Stripe-Signature does not match the body")); return;
                }
                String hash = HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(body));
                String eventId = topLevelId(body);
                if (eventId == null) eventId = "sha256:" + hash;
                String payload = new String(body, StandardCharsets.UTF_8);
                PreparedStatement ps = insert.get();
                int inserted;
                try {
                    ps.setString(1, eventId); ps.setString(2, hash); ps.setString(3, payload);
                    ps.setTimestamp(4, new Timestamp(System.currentTimeMillis()));
                    inserted = ps.executeUpdate();
                } catch (SQLException e) {
                    try { ps.getConnection().close(); } catch (SQLException ignored) { }
                    insert.remove(); // a broken connection is reopened by the next request on this thread
                    answer(ex, 503, error("store_unavailable", e.getMessage())); return;
                }
                if (inserted == 1) {
                    try {
                        TextMessage m = sessions.get().createTextMessage(payload);
                        m.setStringProperty("eventId", eventId);
                        producers.get().send(m);
                    } catch (JMSException e) {
                        // Undo the row so the provider's retry is stored and queued again, not taken for a duplicate.
                        try (var undo = ps.getConnection().prepareStatement("DELETE FROM floor_webhook_events WHERE event_id = ?")) {
                            undo.setString(1, eventId); undo.executeUpdate();
                        }
                        try { sessions.get().close(); } catch (JMSException ignored) { }
                        sessions.remove(); producers.remove();
                        answer(ex, 503, error("broker_unavailable", String.valueOf(e.getMessage()))); return;
                    }
                }
                answer(ex, 200, "{\"status\":\"" + (inserted == 1 ? "accepted" : "duplicate") + "\",\"eventId\":\"" + eventId + "\"}");
            } catch (Exception e) {
                System.err.println("request failed: " + e);
                try { answer(ex, 503, error("unavailable", String.valueOf(e.getMessage()))); } catch (IOException ignored) { }
            } finally {
                ex.close();
            }
        });
        server.start();
        System.out.println("durable floor on http://127.0.0.1:" + a.get("--port") + "/webhooks/stripe, " + threads
                + " threads, queue " + queue);
    }

    /** Stripe's scheme: HMAC-SHA256 over "t." + raw body, any v1 may match, timestamp within tolerance. */
    static boolean signatureValid(Mac mac, String header, byte[] body) {
        if (header == null) return false;
        String t = null;
        java.util.List<String> v1s = new java.util.ArrayList<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) continue;
            String k = part.substring(0, eq).trim(), v = part.substring(eq + 1).trim();
            if (k.equals("t")) t = v; else if (k.equals("v1")) v1s.add(v);
        }
        if (t == null || v1s.isEmpty()) return false;
        try {
            if (Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(t)) > TOLERANCE_SECONDS) return false;
        } catch (NumberFormatException e) { return false; }
        mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
        byte[] expected = HEX.formatHex(mac.doFinal(body)).getBytes(StandardCharsets.US_ASCII);
        boolean match = false;
        for (String v1 : v1s) match |= MessageDigest.isEqual(expected, v1.getBytes(StandardCharsets.US_ASCII));
        return match;
    }

    /** The string value of the top-level "id" key, by a scan that tracks nesting and strings; null if absent. */
    static String topLevelId(byte[] body) {
        String s = new String(body, StandardCharsets.UTF_8);
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{' || c == '[') depth++;
            else if (c == '}' || c == ']') depth--;
            else if (c == '"') {
                int end = stringEnd(s, i);
                if (end < 0) return null;
                if (depth == 1 && s.startsWith("\"id\"", i) && end == i + 3) {
                    int j = end + 1;
                    while (j < s.length() && Character.isWhitespace(s.charAt(j))) j++;
                    if (j < s.length() && s.charAt(j) == ':') {
                        j++;
                        while (j < s.length() && Character.isWhitespace(s.charAt(j))) j++;
                        int vEnd = j < s.length() && s.charAt(j) == '"' ? stringEnd(s, j) : -1;
                        String id = vEnd < 0 ? null : s.substring(j + 1, vEnd);
                        // an id with escapes or quotes would need real JSON decoding; fall back to the hash
                        return id == null || id.isEmpty() || id.indexOf('\\') >= 0 ? null : id;
                    }
                }
                i = end;
            }
        }
        return null;
    }

    static int stringEnd(String s, int open) {
        for (int i = open + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') i++; else if (c == '"') return i;
        }
        return -1;
    }

    static String error(String code, String message) {
        return "{\"error\":\"" + code + "\",\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "'") + "\",\"details\":[]}";
    }

    static void answer(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    interface Thrower<T> { T get() throws Exception; }

    static <T> T unchecked(Thrower<T> f) {
        try { return f.get(); } catch (Exception e) { throw new IllegalStateException(e); }
    }
}
