package io.financehub.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.financehub.webhook.application.WebhookPaths;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The soak's clients: an invoicing application posting invoice commands at a steady rate (and now and then the same
 * command again), Stripe delivering signed {@code payment_intent.succeeded} events for the invoices whose
 * PaymentIntent exists, Twilio reporting each sent SMS {@code sent} then {@code delivered}, and earlier webhooks of
 * both delivered again in random order. Like real clients, each request goes
 * to one replica and, on a refused connection, a reset, a timeout or a 503, to the other after a pause, until it is
 * acknowledged. What was acknowledged is recorded; anything else the hub answered is a refusal, which fails the soak.
 */
public final class SoakTraffic implements AutoCloseable {

    public static final String INVOICE_PREFIX = "INV-SOAK-";
    /** What {@link #postInvoice} returns for a 202 with {@code Idempotent-Replayed: true}. */
    private static final String REPLAYED = "replayed";
    /** How long one request keeps being retried before it counts as refused. */
    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One webhook as its vendor delivers it: where, what, and the headers of each attempt (Stripe re-signs). */
    private record Delivery(String path, byte[] body, Supplier<Map<String, String>> headers) {
    }

    private final List<String> replicas;
    private final String stripeSecret;
    private final Function<Set<String>, Map<String, String>> paymentIntentsOf;
    private final String twilioToken;
    private final String publicBaseUrl;
    private final Supplier<Map<String, String>> sentSms;
    private final ExecutorService senders = Executors.newFixedThreadPool(16);
    private final ScheduledExecutorService clock = Executors.newScheduledThreadPool(3);
    private final Random random = new Random(42);
    private final AtomicInteger invoiceNumber = new AtomicInteger();
    private final AtomicInteger replica = new AtomicInteger();

    private final Set<String> acceptedInvoices = ConcurrentHashMap.newKeySet();
    private final Set<String> invoicesToPay = ConcurrentHashMap.newKeySet();
    private final Map<String, String> acknowledgedEvents = new ConcurrentHashMap<>();
    private final List<Delivery> deliveredEvents = new CopyOnWriteArrayList<>();
    private final Set<String> smsCalledBack = ConcurrentHashMap.newKeySet();
    private final Map<String, String> acknowledgedCallbacks = new ConcurrentHashMap<>();
    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private final AtomicLong invoiceCommands = new AtomicLong();
    private final AtomicLong invoiceReplays = new AtomicLong();
    private final AtomicLong webhookDeliveries = new AtomicLong();
    private final AtomicLong duplicatesAnswered = new AtomicLong();
    private final AtomicLong failovers = new AtomicLong();

    /**
     * @param replicas         the replicas' base URLs
     * @param stripeSecret     the webhook signing secret the replicas verify with
     * @param paymentIntentsOf given invoice ids, the PaymentIntent id of each that has one by now
     * @param twilioToken      the auth token the replicas verify status callbacks with
     * @param publicBaseUrl    the replicas' {@code HUB_PUBLIC_BASE_URL}, which Twilio's signature covers
     * @param sentSms          the SMS the hub has recorded as sent by now: Twilio message SID → recipient
     */
    public SoakTraffic(List<String> replicas, String stripeSecret,
                       Function<Set<String>, Map<String, String>> paymentIntentsOf, String twilioToken,
                       String publicBaseUrl, Supplier<Map<String, String>> sentSms) {
        this.replicas = List.copyOf(replicas);
        this.stripeSecret = stripeSecret;
        this.paymentIntentsOf = paymentIntentsOf;
        this.twilioToken = twilioToken;
        this.publicBaseUrl = publicBaseUrl;
        this.sentSms = sentSms;
    }

    /** Starts the clients: {@code invoicesPerSecond} commands, payments for three invoices in five, duplicates. */
    public void start(int invoicesPerSecond) {
        clock.scheduleAtFixedRate(this::issueNext, 0, 1000 / invoicesPerSecond, TimeUnit.MILLISECONDS);
        clock.scheduleWithFixedDelay(this::payIssuedInvoices, 1, 1, TimeUnit.SECONDS);
        clock.scheduleWithFixedDelay(this::reportSmsStatus, 1, 1, TimeUnit.SECONDS);
        clock.scheduleAtFixedRate(this::redeliverAnEarlierEvent, 500, 400, TimeUnit.MILLISECONDS);
    }

    /** Stops sending anything new and waits until every request under way has been acknowledged or refused. */
    public void stop() throws InterruptedException {
        clock.shutdown();
        clock.awaitTermination(30, TimeUnit.SECONDS);
        senders.shutdown();
        if (!senders.awaitTermination(GIVE_UP_AFTER.toSeconds() + 30, TimeUnit.SECONDS)) {
            refusals.add("requests still unanswered when the soak ended");
        }
    }

    public Set<String> acceptedInvoices() {
        return Set.copyOf(acceptedInvoices);
    }

    /** Acknowledged Twilio status callbacks: event id ({@code sid:status}) → message SID. */
    public Map<String, String> acknowledgedCallbacks() {
        return Map.copyOf(acknowledgedCallbacks);
    }

    /** Acknowledged Stripe events: event id → invoice it pays. */
    public Map<String, String> acknowledgedEvents() {
        return Map.copyOf(acknowledgedEvents);
    }

    public List<String> refusals() {
        return List.copyOf(refusals);
    }

    /** What the clients did, for the soak's report. */
    public Map<String, Long> counts() {
        return Map.of("invoice commands posted", invoiceCommands.get(),
                "invoice commands answered as replays", invoiceReplays.get(),
                "webhook deliveries", webhookDeliveries.get(),
                "deliveries answered duplicate", duplicatesAnswered.get(),
                "requests sent again to a replica after a failure", failovers.get());
    }

    private void issueNext() {
        int n = invoiceNumber.incrementAndGet();
        String invoiceId = INVOICE_PREFIX + n;
        String json = HubClient.invoiceJson(invoiceId, "USD", 1000 + n, String.format("+1415555%04d", n % 10_000));
        boolean repeated = n % 7 == 0;
        senders.execute(() -> {
            String answer = postInvoice(json);
            if (answer != null) {
                acceptedInvoices.add(invoiceId);
                if (n % 5 < 3) {
                    invoicesToPay.add(invoiceId);
                }
                if (repeated) {
                    // the invoicing application sends the same command again (it lost the answer, or a user clicked
                    // twice): the hub must answer it as a replay and create nothing more
                    clock.schedule(() -> senders.execute(() -> {
                        String again = postInvoice(json);
                        if (again != null && !again.equals(REPLAYED)) {
                            refusals.add("a command sent again was not answered as a replay: " + again);
                        }
                    }), 3, TimeUnit.SECONDS);
                }
            }
        });
    }

    /** The body of a first 202, {@link #REPLAYED} for a replay, {@code null} (and a refusal) for anything else. */
    private String postInvoice(String json) {
        invoiceCommands.incrementAndGet();
        HttpResponse<String> answer = send("/api/invoices", json.getBytes(), () -> Map.of(
                "Content-Type", "application/json", "Authorization", "Bearer " + HubIntegrationBase.API_TOKEN));
        if (answer == null) {
            return null;
        }
        if (answer.statusCode() != 202) {
            refusals.add("invoice command answered " + answer.statusCode() + ": " + answer.body());
            return null;
        }
        if (answer.headers().firstValue("Idempotent-Replayed").map("true"::equals).orElse(false)) {
            invoiceReplays.incrementAndGet();
            return REPLAYED;
        }
        return answer.body();
    }

    private void payIssuedInvoices() {
        try {
            Set<String> unpaid = Set.copyOf(invoicesToPay);
            if (unpaid.isEmpty()) {
                return;
            }
            paymentIntentsOf.apply(unpaid).forEach((invoiceId, paymentIntentId) -> {
                        invoicesToPay.remove(invoiceId);
                        String eventId = "evt_soak_" + UUID.randomUUID().toString().replace("-", "");
                        byte[] event = WebhookSigner.stripeEvent(eventId, "payment_intent.succeeded",
                                WebhookSigner.paymentIntent(paymentIntentId, invoiceId, amountOf(invoiceId)));
                        Delivery delivery = new Delivery("/webhooks/stripe", event, () -> Map.of(
                                "Content-Type", "application/json",
                                "Stripe-Signature", WebhookSigner.stripe(event, stripeSecret)));
                        senders.execute(() -> {
                            if (deliver(delivery)) {
                                acknowledgedEvents.put(eventId, invoiceId);
                            }
                        });
                    });
        } catch (RuntimeException e) {
            // the database the lookup reads may be busy; the next tick asks again
        }
    }

    /**
     * Twilio's status callbacks for each SMS the hub recorded as sent: {@code sent}, then once that is acknowledged
     * {@code delivered}, signed over the public URL as Twilio does.
     */
    private void reportSmsStatus() {
        try {
            sentSms.get().forEach((sid, to) -> {
                if (smsCalledBack.add(sid)) {
                    senders.execute(() -> {
                        for (String status : List.of("sent", "delivered")) {
                            if (!deliver(statusCallback(sid, to, status))) {
                                return;
                            }
                            acknowledgedCallbacks.put(sid + ":" + status, sid);
                        }
                    });
                }
            });
        } catch (RuntimeException e) {
            // the database the lookup reads may be busy; the next tick asks again
        }
    }

    private Delivery statusCallback(String sid, String to, String status) {
        Map<String, String> params = WebhookSigner.twilioStatusCallback(SoakVendors.TWILIO_SID, sid, status, to);
        String signature = WebhookSigner.twilio(publicBaseUrl + WebhookPaths.TWILIO_SMS_STATUS, params, twilioToken);
        return new Delivery(WebhookPaths.TWILIO_SMS_STATUS, WebhookSigner.form(params), () -> Map.of(
                "Content-Type", "application/x-www-form-urlencoded", "X-Twilio-Signature", signature));
    }

    private void redeliverAnEarlierEvent() {
        if (deliveredEvents.isEmpty()) {
            return;
        }
        Delivery delivery;
        synchronized (random) {
            delivery = deliveredEvents.get(random.nextInt(deliveredEvents.size()));
        }
        senders.execute(() -> {
            HttpResponse<String> answer = post(delivery);
            if (answer != null && !"duplicate".equals(status(answer))) {
                refusals.add("a webhook delivered again was not answered duplicate: " + answer.body());
            }
        });
    }

    /** Delivers a webhook until it is acknowledged; {@code true} when it was (it may be delivered again later). */
    private boolean deliver(Delivery delivery) {
        if (post(delivery) == null) {
            return false;
        }
        deliveredEvents.add(delivery);
        return true;
    }

    private HttpResponse<String> post(Delivery delivery) {
        webhookDeliveries.incrementAndGet();
        HttpResponse<String> answer = send(delivery.path(), delivery.body(), delivery.headers());
        if (answer == null) {
            return null;
        }
        String status = status(answer);
        if (answer.statusCode() != 200 || !("accepted".equals(status) || "duplicate".equals(status))) {
            refusals.add("webhook " + delivery.path() + " answered " + answer.statusCode() + ": " + answer.body());
            return null;
        }
        if ("duplicate".equals(status)) {
            duplicatesAnswered.incrementAndGet();
        }
        return answer;
    }

    /**
     * Sends to one replica, then round the others, until an answer that is not a 503 (the hub's "try again": busy,
     * draining, database unavailable) comes back; {@code null} (and a refusal) if none came within
     * {@link #GIVE_UP_AFTER}.
     */
    private HttpResponse<String> send(String path, byte[] body, Supplier<Map<String, String>> headers) {
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        int first = replica.getAndIncrement();
        for (int attempt = 0; System.nanoTime() < deadline; attempt++) {
            String base = replicas.get(Math.floorMod(first + attempt, replicas.size()));
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
                headers.get().forEach(request::header);
                HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 503) {
                    return answer;
                }
            } catch (IOException e) {
                // the replica is down, was killed mid-request, or did not answer in time
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            failovers.incrementAndGet();
            pause(Math.min(attempt + 1, 10) * 100L);
        }
        refusals.add("no replica acknowledged POST " + path + " within " + GIVE_UP_AFTER);
        return null;
    }

    private static String status(HttpResponse<String> answer) {
        try {
            return JSON.readTree(answer.body()).path("status").asText();
        } catch (IOException e) {
            return "";
        }
    }

    public static long amountOf(String invoiceId) {
        return 1000 + Long.parseLong(invoiceId.substring(INVOICE_PREFIX.length()));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        clock.shutdownNow();
        senders.shutdownNow();
    }
}
