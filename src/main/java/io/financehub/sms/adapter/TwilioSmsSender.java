package io.financehub.sms.adapter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.twilio.base.ResourceSet;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import io.financehub.sms.application.SmsSender;
import io.financehub.sideeffect.application.VendorExchange;
import io.financehub.sideeffect.application.VendorOutcome;
import io.financehub.sideeffect.domain.SideEffectStatus;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.twilio.TwilioComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link SmsSender} on Twilio's Messages API through the hub's Twilio routes: messages are created by
 * {@code direct:twilio-send-sms} ({@code twilio://message/creator}), looked up by {@code direct:twilio-lookup-sms}
 * ({@code twilio://message/reader}). Camel's {@code twilio} component holds one {@link TwilioRestClient} whose HTTP
 * client targets {@code hub.twilio.api-base} and never retries on its own. Phone numbers appear masked in logs and
 * audit request lines; the full number stays in {@code sms_messages}.
 */
public class TwilioSmsSender implements SmsSender {

    static final String SEND_ROUTE = "direct:twilio-send-sms";
    static final String LOOKUP_ROUTE = "direct:twilio-lookup-sms";
    /** Hub and Twilio clocks differ: a lookup starts this much before the hub's own send time. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** Most messages a lookup reads per query: one recipient rarely has more from this account in the window. */
    static final int LOOKUP_LIMIT = 200;

    private static final Logger LOG = LoggerFactory.getLogger(TwilioSmsSender.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COMPONENT = "twilio";

    private final ProducerTemplate producer;
    private final TwilioProperties properties;

    public TwilioSmsSender(ProducerTemplate producer, TwilioProperties properties) {
        this.producer = producer;
        this.properties = properties;
    }

    /**
     * Hands Camel's {@code twilio} component its REST client (then it never builds one of its own) and returns the
     * sender on the Twilio routes.
     */
    public static TwilioSmsSender onCamel(CamelContext camel, ProducerTemplate producer, TwilioProperties properties) {
        if (!properties.canSignCallbacks() || "ACsandbox".equals(properties.accountSid())) {
            throw new IllegalStateException("HUB_TWILIO_MODE=live needs HUB_TWILIO_ACCOUNT_SID and "
                    + "HUB_TWILIO_AUTH_TOKEN");
        }
        configureComponent(camel, properties);
        return new TwilioSmsSender(producer, properties);
    }

    /**
     * Gives the {@code twilio} component the one REST client for {@code properties}, in every mode: the Twilio routes
     * start in sandbox mode too, where the component would otherwise refuse to start for want of an account (the
     * sandbox sender never sends to them).
     */
    public static void configureComponent(CamelContext camel, TwilioProperties properties) {
        TwilioRestClient client = restClient(properties);
        Component existing = camel.getComponent(COMPONENT, false);
        TwilioComponent component = existing instanceof TwilioComponent twilio ? twilio : new TwilioComponent();
        component.setRestClient(client);
        if (existing == null) {
            camel.addComponent(COMPONENT, component);
        }
    }

    static TwilioRestClient restClient(TwilioProperties properties) {
        String token = properties.canSignCallbacks() ? properties.authToken() : "sandbox-no-token";
        return new TwilioRestClient.Builder(properties.accountSid(), token)
                .accountSid(properties.accountSid())
                .httpClient(new TwilioApiBaseHttpClient(properties.apiBase(), properties.timeout()))
                .build();
    }

    @Override
    public String vendor() {
        return "twilio";
    }

    @Override
    public VendorOutcome send(SmsRequest request) {
        String requestLine = "POST /2010-04-01/Accounts/" + properties.accountSid() + "/Messages.json To="
                + masked(request.to()) + " From=" + properties.from()
                + " StatusCallback=" + request.statusCallbackUrl();
        Exchange result = producer.send(SEND_ROUTE, exchange -> {
            exchange.getIn().setHeader("smsTo", new PhoneNumber(request.to()));
            exchange.getIn().setHeader("smsFrom", new PhoneNumber(properties.from()));
            exchange.getIn().setHeader("smsStatusCallback", URI.create(request.statusCallbackUrl()));
            exchange.getIn().setBody(request.body());
        });
        VendorOutcome outcome = result.getException() != null
                ? TwilioOutcomes.ofFailure(result.getException(), requestLine)
                : accepted(result.getMessage().getBody(), requestLine);
        log(request, outcome);
        return outcome;
    }

    private static VendorOutcome accepted(Object answer, String requestLine) {
        if (!(answer instanceof Message message) || message.getSid() == null) {
            return new VendorOutcome.Unknown("Twilio's answer had no message SID",
                    VendorExchange.requestOnly(requestLine));
        }
        ObjectNode response = JSON.createObjectNode();
        response.put("sid", message.getSid());
        response.put("status", message.getStatus() == null ? null : message.getStatus().toString());
        response.put("num_segments", message.getNumSegments());
        return new VendorOutcome.Succeeded(message.getSid(), new VendorExchange(requestLine, response.toString(), 201));
    }

    @Override
    public List<SentMessage> findSent(String to, String body, Instant since) {
        ZonedDateTime from = since.minus(CLOCK_SKEW).atZone(ZoneOffset.UTC);
        Map<String, Message> found = new LinkedHashMap<>();
        try {
            // GET .../Messages.json?To=...&DateSent>=...
            collect(found, read(to, from), body, null);
            // a message Twilio accepted but has not sent yet (queued, scheduled) has no DateSent: look at the newest
            // messages to this number by creation time as well. Both queries always run: a match of the first may
            // turn out to be another key's, and this key's own message may then be one only the second lists.
            collect(found, read(to, null), body, from);
        } catch (RuntimeException e) {
            LOG.warn("Twilio lookup of messages to {} failed: {}", masked(to),
                    e.getClass().getSimpleName());
            throw new LookupFailedException("Twilio could not be asked (" + TwilioOutcomes.innermost(e) + ")", e);
        }
        return found.values().stream()
                .sorted(Comparator.comparing(Message::getDateCreated, Comparator.nullsLast(Comparator.naturalOrder())))
                .map(m -> new SentMessage(m.getSid(), m.getStatus() == null ? null : m.getStatus().toString()))
                .toList();
    }

    /** One page of up to {@link #LOOKUP_LIMIT} messages to {@code to}, sent on or after {@code dateSentAfter}. */
    private ResourceSet<?> read(String to, ZonedDateTime dateSentAfter) {
        Exchange result = producer.send(LOOKUP_ROUTE, exchange -> {
            exchange.getIn().setHeader("smsAccountSid", properties.accountSid());
            exchange.getIn().setHeader("smsTo", new PhoneNumber(to));
            exchange.getIn().setHeader("smsPageSize", (long) LOOKUP_LIMIT);
            if (dateSentAfter != null) {
                exchange.getIn().setHeader("smsDateSentAfter", dateSentAfter);
            }
        });
        if (result.getException() != null) {
            throw new IllegalStateException("Twilio lookup route failed", result.getException());
        }
        if (!(result.getMessage().getBody() instanceof ResourceSet<?> messages)) {
            throw new IllegalStateException("the Twilio lookup route answered without a list of messages");
        }
        return messages;
    }

    private static void collect(Map<String, Message> found, ResourceSet<?> messages, String body,
                                ZonedDateTime createdFrom) {
        // never past the first page: the iterator would fetch the next one outside the route
        Iterator<?> page = messages.iterator();
        for (int read = 0; read < LOOKUP_LIMIT && page.hasNext(); read++) {
            if (!(page.next() instanceof Message message)) {
                continue;
            }
            boolean sameBody = message.getBody() != null
                    // trial accounts prefix every body with "Sent from your Twilio trial account - "
                    && (message.getBody().equals(body) || message.getBody().endsWith(body));
            boolean inWindow = createdFrom == null || message.getDateCreated() == null
                    || !message.getDateCreated().isBefore(createdFrom);
            if (sameBody && inWindow && message.getSid() != null) {
                found.putIfAbsent(message.getSid(), message);
            }
        }
    }

    private static String masked(String number) {
        return io.financehub.invoice.domain.PhoneNumber.mask(number);
    }

    private static void log(SmsRequest request, VendorOutcome outcome) {
        String to = masked(request.to());
        String status = outcome.exchange().httpStatus() == null ? "no answer"
                : "HTTP " + outcome.exchange().httpStatus();
        // an SMS is never repeated on an unknown outcome: settled as the hub settles it for Twilio
        SideEffectStatus settled = outcome.settledStatus(false);
        if (settled == SideEffectStatus.SUCCEEDED) {
            LOG.info("SMS {} to {} accepted by Twilio as {}", request.idempotencyKey(), to, outcome.reference());
        } else if (outcome.mayRetry(false)) {
            LOG.info("SMS {} to {} not accepted by Twilio for now ({}); will retry", request.idempotencyKey(), to,
                    status);
        } else if (settled == SideEffectStatus.FAILED) {
            LOG.warn("SMS {} to {} refused by Twilio: code {} ({}); not retried", request.idempotencyKey(), to,
                    outcome.rejectionCode(), status);
        } else {
            LOG.warn("SMS {} to {}: outcome unknown ({}); it is never resent automatically, see "
                    + "/admin/sms-messages?status=unknown", request.idempotencyKey(), to, status);
        }
    }
}
