package io.financehub.webhook.application;

import io.financehub.webhook.application.WebhookRejectedException.Reason;
import io.financehub.sms.application.SmsStatusCallbackReader;
import io.financehub.payment.application.StripeEventReader;
import io.financehub.webhook.application.WebhookEventStore.NewWebhookEvent;
import io.financehub.webhook.domain.WebhookProvider;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Verify, then read, then store once, then queue, then acknowledge. The order is the point: nothing is parsed
 * before its signature is checked, and the answer is given only after the row is committed, so a crash after the
 * answer loses nothing. A failed queue hand-off after the commit is repaired by the relay ({@link WebhookRelay}).
 */
public class WebhookIngestionService implements ReceiveWebhookUseCase {

    private static final Logger LOG = Logger.getLogger(WebhookIngestionService.class.getName());

    private final Map<WebhookProvider, WebhookVerifier> verifiers = new EnumMap<>(WebhookProvider.class);
    private final StripeEventReader stripeEvents;
    private final SmsStatusCallbackReader smsCallbacks;
    private final WebhookEventStore store;
    private final WebhookQueue queue;
    private final Clock clock;

    public WebhookIngestionService(List<WebhookVerifier> verifierList, StripeEventReader stripeEvents,
                                   SmsStatusCallbackReader smsCallbacks, WebhookEventStore store, WebhookQueue queue,
                                   Clock clock) {
        verifierList.forEach(v -> {
            if (verifiers.put(v.provider(), v) != null) {
                throw new IllegalStateException("two webhook verifiers for " + v.provider());
            }
        });
        this.stripeEvents = stripeEvents;
        this.smsCallbacks = smsCallbacks;
        this.store = store;
        this.queue = queue;
        this.clock = clock;
    }

    @Override
    public WebhookReceipt receive(WebhookDelivery delivery) {
        WebhookProvider provider = delivery.provider();
        verify(delivery);
        String payload = decodeUtf8(delivery.body());
        WebhookEnvelope envelope;
        try {
            envelope = provider == WebhookProvider.STRIPE ? stripeEvents.envelope(payload)
                    : smsCallbacks.envelope(payload);
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
            LOG.log(Level.WARNING, "could not queue " + provider.dbValue() + " event " + envelope.eventId()
                    + " now; the webhook relay will", e);
        }
        return new WebhookReceipt(envelope.eventId(), false);
    }

    private void verify(WebhookDelivery delivery) {
        WebhookVerifier verifier = verifiers.get(delivery.provider());
        if (verifier == null) {
            throw new IllegalStateException("no webhook verifier for " + delivery.provider());
        }
        switch (verifier.verify(delivery)) {
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
