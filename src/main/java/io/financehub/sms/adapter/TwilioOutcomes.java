package io.financehub.sms.adapter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.twilio.exception.ApiException;
import io.financehub.sideeffect.application.VendorExchange;
import io.financehub.sideeffect.application.VendorOutcome;
import org.apache.hc.client5.http.ConnectTimeoutException;

import java.net.ConnectException;
import java.net.UnknownHostException;

/**
 * How a failed Messages API call is judged. The Messages API has no idempotency key, so the question for every
 * failure is whether the request may have reached Twilio:
 * <ul>
 *   <li>429: Twilio refused it for now and sent nothing → retry later;</li>
 *   <li>any other 4xx (21211 invalid number, 21610 unsubscribed, ...): Twilio refused it for good → final;</li>
 *   <li>5xx, a read timeout, a connection lost after the request was written, an unreadable answer: the message may
 *   have been accepted → outcome unknown, never resent automatically;</li>
 *   <li>no connection could be opened (refused, connect timeout, unknown host): not a byte of the request left the
 *   hub → retry later.</li>
 * </ul>
 */
final class TwilioOutcomes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TwilioOutcomes() {
    }

    static VendorOutcome ofFailure(Throwable failure, String request) {
        ApiException api = causeOfType(failure, ApiException.class);
        if (api != null && api.getStatusCode() != null) {
            int status = api.getStatusCode();
            VendorExchange exchange = new VendorExchange(request, errorBody(api), status);
            if (status == 429) {
                return new VendorOutcome.Retryable("Twilio answered 429 (too many requests); nothing was sent", null,
                        exchange);
            }
            if (status >= 400 && status < 500) {
                String code = api.getCode() != null ? api.getCode().toString() : "http-" + status;
                return new VendorOutcome.Rejected(code, api.getMessage(), exchange);
            }
            return new VendorOutcome.Unknown("Twilio answered " + status + "; the message may have been accepted",
                    exchange);
        }
        if (neverConnected(failure)) {
            return new VendorOutcome.Retryable("could not connect to Twilio (" + innermost(failure) + "); nothing was "
                    + "sent", null, VendorExchange.requestOnly(request));
        }
        return new VendorOutcome.Unknown("no answer from Twilio (" + innermost(failure) + "); the message may have "
                + "been accepted", VendorExchange.requestOnly(request));
    }

    private static boolean neverConnected(Throwable failure) {
        return causeOfType(failure, ConnectException.class) != null
                || causeOfType(failure, ConnectTimeoutException.class) != null
                || causeOfType(failure, UnknownHostException.class) != null;
    }

    /** Class and message of the root cause: a timeout or socket error, never vendor text with a phone number in it. */
    static String innermost(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    static <T extends Throwable> T causeOfType(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String errorBody(ApiException api) {
        ObjectNode body = JSON.createObjectNode();
        body.put("status", api.getStatusCode());
        if (api.getCode() != null) {
            body.put("code", api.getCode());
        }
        body.put("message", api.getMessage());
        if (api.getMoreInfo() != null) {
            body.put("more_info", api.getMoreInfo());
        }
        return body.toString();
    }
}
