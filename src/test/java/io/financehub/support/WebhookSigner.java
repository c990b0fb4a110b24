package io.financehub.support;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Signs webhooks the way Stripe and Twilio do, written from their documentation and independent of the hub's
 * verifiers, so a test that passes proves the hub checks what the vendors actually send.
 */
public final class WebhookSigner {

    private WebhookSigner() {
    }

    /** {@code Stripe-Signature} value: {@code t=<ts>,v1=<hex HMAC-SHA256(secret, "<ts>." + body)>}. */
    public static String stripe(byte[] body, String secret, long timestamp) {
        return "t=" + timestamp + ",v1=" + stripeV1(body, secret, timestamp);
    }

    public static String stripe(byte[] body, String secret) {
        return stripe(body, secret, System.currentTimeMillis() / 1000);
    }

    public static String stripeV1(byte[] body, String secret, long timestamp) {
        byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return HexFormat.of().formatHex(mac("HmacSHA256", secret, signed));
    }

    /** {@code X-Twilio-Signature}: base64 HMAC-SHA1(token, url + each param name and value, sorted by name). */
    public static String twilio(String url, Map<String, String> params, String authToken) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
        return Base64.getEncoder().encodeToString(mac("HmacSHA1", authToken,
                data.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** The parameters of a Twilio SMS status callback, in the order Twilio sends them. */
    public static Map<String, String> twilioStatusCallback(String accountSid, String sid, String status, String to) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", accountSid);
        params.put("MessageSid", sid);
        params.put("SmsSid", sid);
        params.put("MessageStatus", status);
        params.put("SmsStatus", status);
        params.put("To", to);
        params.put("From", "+15005550006");
        params.put("ApiVersion", "2010-04-01");
        return params;
    }

    /** The form body Twilio posts. */
    public static byte[] form(Map<String, String> params) {
        return params.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A Stripe event as JSON bytes; {@code object} is the event's {@code data.object}, already JSON. */
    public static byte[] stripeEvent(String eventId, String type, String object) {
        return ("{\"id\":\"" + eventId + "\",\"object\":\"event\",\"api_version\":\"2020-08-27\",\"created\":"
                + System.currentTimeMillis() / 1000 + ",\"type\":\"" + type + "\",\"data\":{\"object\":" + object
                + "}}").getBytes(StandardCharsets.UTF_8);
    }

    public static String paymentIntent(String id, String invoiceId, long amount) {
        return "{\"id\":\"" + id + "\",\"object\":\"payment_intent\",\"amount\":" + amount
                + ",\"currency\":\"usd\",\"metadata\":{" + (invoiceId == null ? "" : "\"invoice_id\":\"" + invoiceId + "\"")
                + "}}";
    }

    public static String charge(String id, String paymentIntentId, String invoiceId, long amount, long refunded) {
        return "{\"id\":\"" + id + "\",\"object\":\"charge\",\"amount\":" + amount + ",\"amount_refunded\":" + refunded
                + ",\"payment_intent\":" + (paymentIntentId == null ? "null" : "\"" + paymentIntentId + "\"")
                + ",\"metadata\":{" + (invoiceId == null ? "" : "\"invoice_id\":\"" + invoiceId + "\"") + "}}";
    }

    private static byte[] mac(String algorithm, String key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
