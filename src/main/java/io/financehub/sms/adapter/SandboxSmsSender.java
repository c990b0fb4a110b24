package io.financehub.sms.adapter;

import io.financehub.platform.broker.QueueNames;
import io.financehub.sms.application.SmsSender;
import io.financehub.sideeffect.application.VendorExchange;
import io.financehub.sideeffect.application.VendorOutcome;
import io.financehub.invoice.domain.PhoneNumber;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Twilio's test credentials in process: accepts the message, gives it a SID and keeps it (in a
 * {@link SandboxSmsStore}, so the lookup by recipient works from every replica). Twilio's magic test number
 * {@code +15005550001} is refused as invalid (21211), as Twilio's test mode does.
 * <p>
 * Like Twilio, it later reports the message {@code sent} and then {@code delivered} to the status callback URL: both
 * callbacks are scheduled on a broker queue (Artemis scheduled delivery), so they survive a restart and are sent by
 * whichever replica consumes them ({@link SandboxSmsStatusCallbacks}).
 */
public class SandboxSmsSender implements SmsSender {

    static final String INVALID_NUMBER = "+15005550001";
    static final String STATUS_HEADER = "messageStatus";
    /** Artemis' scheduled-delivery message property (epoch millis). */
    static final String SCHEDULED_DELIVERY = "_AMQ_SCHED_DELIVERY";

    private static final Logger LOG = LoggerFactory.getLogger(SandboxSmsSender.class);

    private final SandboxSmsStore store;
    private final ProducerTemplate producer;
    private final Duration callbackDelay;
    private final boolean callbacks;

    /**
     * @param callbacks whether status callbacks are scheduled at all (they need an auth token to be signed)
     */
    public SandboxSmsSender(SandboxSmsStore store, ProducerTemplate producer, Duration callbackDelay,
                            boolean callbacks) {
        this.store = store;
        this.producer = producer;
        this.callbackDelay = callbackDelay;
        this.callbacks = callbacks;
        if (!callbacks) {
            LOG.info("sandbox SMS status callbacks are off: they are signed with HUB_TWILIO_AUTH_TOKEN, which is "
                    + "not set");
        }
    }

    @Override
    public String vendor() {
        return "sandbox-twilio";
    }

    @Override
    public VendorOutcome send(SmsRequest request) {
        String requestText = "POST /2010-04-01/Accounts/ACsandbox/Messages.json To=" + PhoneNumber.mask(request.to())
                + " StatusCallback=" + request.statusCallbackUrl();
        if (INVALID_NUMBER.equals(request.to())) {
            return new VendorOutcome.Rejected("21211", "The 'To' number is not a valid phone number.",
                    new VendorExchange(requestText, "{\"code\":21211,\"status\":400}", 400));
        }
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        store.add(sid, request.to(), request.body(), Instant.now());
        scheduleStatusCallbacks(sid);
        return new VendorOutcome.Succeeded(sid, new VendorExchange(requestText,
                "{\"sid\":\"" + sid + "\",\"status\":\"queued\"}", 201));
    }

    @Override
    public List<SentMessage> findSent(String to, String body, Instant since) {
        return store.findSent(to, body, since).stream().map(sid -> new SentMessage(sid, "sent")).toList();
    }

    /**
     * A lost callback costs nothing but a message shown {@code queued} instead of {@code delivered} in the sandbox,
     * so a failure to schedule is logged and the send still counts.
     */
    private void scheduleStatusCallbacks(String sid) {
        if (!callbacks) {
            return;
        }
        try {
            long now = System.currentTimeMillis();
            schedule(sid, "sent", now + callbackDelay.toMillis());
            schedule(sid, "delivered", now + 2 * callbackDelay.toMillis());
        } catch (RuntimeException e) {
            LOG.warn("could not schedule the sandbox status callbacks of {}: {}", sid, e.toString());
        }
    }

    private void schedule(String sid, String status, long atEpochMillis) {
        producer.sendBodyAndHeaders("jms:queue:" + QueueNames.SANDBOX_SMS_STATUS_CALLBACKS, sid,
                Map.of(STATUS_HEADER, status, SCHEDULED_DELIVERY, atEpochMillis));
    }
}
