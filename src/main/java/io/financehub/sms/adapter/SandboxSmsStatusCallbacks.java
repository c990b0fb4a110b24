package io.financehub.sms.adapter;

import io.financehub.invoice.domain.PhoneNumber;
import io.financehub.webhook.application.WebhookPaths;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The sandbox's status callbacks: posts what Twilio would post for a message status, signed as Twilio signs it
 * ({@code X-Twilio-Signature} over the hub's public URL), to the hub's own webhook through the route
 * {@code direct:sandbox-sms-status-callback-post}. One attempt per status, as Twilio makes: an answer other than 2xx
 * is logged at debug and dropped, so a hub without the webhook (or with another token) sees no retry storm.
 */
public class SandboxSmsStatusCallbacks {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxSmsStatusCallbacks.class);
    static final String POST_ROUTE = "direct:sandbox-sms-status-callback-post";

    private final SandboxSmsStore store;
    private final TwilioProperties twilio;
    private final String signedUrl;
    private final Supplier<String> target;
    private final ProducerTemplate producer;

    /**
     * @param publicBaseUrl the hub's public URL: Twilio signs the URL it posts to, which is the public one
     * @param target        where the POST really goes (the hub's local port, known only once the server runs)
     */
    public SandboxSmsStatusCallbacks(SandboxSmsStore store, TwilioProperties twilio, String publicBaseUrl,
                                     Supplier<String> target, ProducerTemplate producer) {
        this.store = store;
        this.producer = producer;
        this.twilio = twilio;
        this.signedUrl = publicBaseUrl + WebhookPaths.TWILIO_SMS_STATUS;
        this.target = target;
    }

    /** Called by the {@code sandbox-sms-status-callbacks} route for each scheduled status. */
    public String deliver(String sid, String status) {
        Optional<String> to = store.recipient(sid);
        if (to.isEmpty() || !twilio.canSignCallbacks()) {
            LOG.debug("sandbox status callback {} {} skipped: no such sandbox message or no auth token", sid, status);
            return "skipped";
        }
        Map<String, String> params = form(sid, status, to.get());
        String signature = TwilioRequestSignature.sign(twilio.authToken(), signedUrl, params);
        Exchange answer = producer.send(POST_ROUTE, exchange -> {
            exchange.getIn().setHeader("smsCallbackUrl", target.get());
            exchange.getIn().setHeader("X-Twilio-Signature", signature);
            exchange.getIn().setBody(encode(params));
        });
        Integer code = answer.getException() == null
                ? answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class) : null;
        if (code == null) {
            LOG.debug("sandbox status callback {} {} not delivered: {}", sid, status,
                    answer.getException() == null ? "no HTTP status" : answer.getException().toString());
            return "not-delivered";
        }
        LOG.debug("sandbox status callback {} {} for {} answered {}", sid, status, PhoneNumber.mask(to.get()), code);
        return "answered-" + code;
    }

    /** The fields of a Twilio SMS status callback. */
    Map<String, String> form(String sid, String status, String to) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", twilio.accountSid());
        params.put("ApiVersion", "2010-04-01");
        params.put("From", twilio.from());
        params.put("MessageSid", sid);
        params.put("MessageStatus", status);
        params.put("SmsSid", sid);
        params.put("SmsStatus", status);
        params.put("To", to);
        return params;
    }

    private static String encode(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
