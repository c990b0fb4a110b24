package io.financehub.webhook.application;

import io.financehub.webhook.application.WebhookEventStore.NewWebhookEvent;
import io.financehub.webhook.application.WebhookRejectedException.Reason;
import io.financehub.webhook.domain.WebhookEventSource;
import io.financehub.webhook.domain.WebhookProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

/**
 * Verify, then read, then store once, then queue, then acknowledge. The order is the point: nothing is parsed
 * before its signature is checked, and the answer is given only after the row is committed, so a crash after the
 * answer loses nothing. A failed queue hand-off after the commit is repaired by the relay ({@link WebhookRelay}).
 * Processing happens later, from the queue.
 */
public class WebhookIngestionService {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookIngestionService.class);

    private final WebhookSources sources;
    private final WebhookEventStore store;
    private final WebhookQueue queue;
    private final Clock clock;

    public WebhookIngestionService(List<WebhookSource> sources, WebhookEventStore store, WebhookQueue queue,
                                   Clock clock) {
        this.sources = new WebhookSources(sources);
        this.store = store;
        this.queue = queue;
        this.clock = clock;
    }

    /**
     * @return the receipt once the event is committed (and queued, or left for the relay to queue)
     * @throws WebhookRejectedException when the delivery is not authentic or not a readable event; nothing is stored
     */
    public WebhookReceipt receive(WebhookDelivery delivery) {
        WebhookProvider provider = delivery.provider();
        WebhookSource source = sources.of(provider);
        verify(source, delivery);
        String payload = decodeUtf8(delivery.body());
        WebhookEnvelope envelope;
        try {
            envelope = source.envelope(payload);
        } catch (MalformedWebhookException e) {
            throw new WebhookRejectedException(Reason.MALFORMED_PAYLOAD, e.getMessage());
        }
        // stored with microsecond precision (H2 and PostgreSQL): keep the instant the row will read back
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        boolean stored = store.insertIfAbsent(new NewWebhookEvent(provider, envelope, sha256Hex(delivery.body()),
                payload, now));
        if (!stored) {
            store.countDuplicate(provider, envelope.eventId());
            return new WebhookReceipt(envelope.eventId(), true);
        }
        try {
            queue.enqueue(provider, envelope.eventId());
        } catch (RuntimeException e) {
            // the row is committed in status 'received': the relay queues it, so the acknowledgement still holds
            LOG.warn("could not queue {} event {} now; the webhook relay will", provider.dbValue(),
                    envelope.eventId(), e);
        }
        return new WebhookReceipt(envelope.eventId(), false);
    }

    /**
     * Ingests an event the hub read from the vendor's own API instead of receiving it: the same store-once-then-queue
     * path as a webhook, without a signature to check (the event came over the hub's authenticated connection to the
     * vendor), stored as {@link WebhookEventSource#RECOVERED}. An event already stored (delivered or recovered
     * before) changes nothing and is not counted as a duplicate delivery.
     *
     * @return true when the event was new and is now stored (and queued, or left for the relay to queue)
     * @throws MalformedWebhookException when the payload is not a readable event of the provider; nothing is stored
     */
    public boolean recover(WebhookProvider provider, String payload) {
        WebhookEnvelope envelope = sources.of(provider).envelope(payload);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        if (!store.insertIfAbsent(new NewWebhookEvent(provider, envelope, sha256Hex(body), payload, now,
                WebhookEventSource.RECOVERED))) {
            return false;
        }
        try {
            queue.enqueue(provider, envelope.eventId());
        } catch (RuntimeException e) {
            LOG.warn("could not queue recovered {} event {} now; the webhook relay will", provider.dbValue(),
                    envelope.eventId(), e);
        }
        return true;
    }

    private static void verify(WebhookSource source, WebhookDelivery delivery) {
        switch (source.verify(delivery)) {
            case AUTHENTIC -> {
            }
            case STALE_TIMESTAMP -> throw new WebhookRejectedException(Reason.STALE_TIMESTAMP,
                    "the signature's timestamp is outside the accepted tolerance");
            case UNREADABLE -> throw new WebhookRejectedException(Reason.MALFORMED_PAYLOAD,
                    "the body cannot be decoded");
            default -> throw new WebhookRejectedException(Reason.INVALID_SIGNATURE,
                    "the signature is missing or does not match");
        }
    }

    /** Strict UTF-8: a body with invalid sequences (or NUL, which no text column stores) is not an event. */
    private static String decodeUtf8(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new WebhookRejectedException(Reason.MALFORMED_PAYLOAD, "the body is not valid UTF-8");
        }
        if (text.indexOf('\0') >= 0) {
            throw new WebhookRejectedException(Reason.MALFORMED_PAYLOAD, "the body contains a NUL character");
        }
        return text;
    }

    private static String sha256Hex(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
