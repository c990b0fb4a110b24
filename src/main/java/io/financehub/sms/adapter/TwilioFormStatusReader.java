package io.financehub.sms.adapter;

import io.financehub.webhook.application.MalformedWebhookException;
import io.financehub.sms.application.SmsStatusCallback;
import io.financehub.sms.application.SmsStatusCallbackReader;
import io.financehub.webhook.application.WebhookEnvelope;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads Twilio message status callbacks. A callback has no event id of its own; {@code MessageSid:MessageStatus}
 * identifies it, so each status of a message is one event and a repeated callback is a duplicate. The event type
 * is {@code message.<status>}.
 */
public class TwilioFormStatusReader implements SmsStatusCallbackReader {

    private static final Pattern SID = Pattern.compile("[A-Za-z0-9]{1,64}");
    private static final Pattern STATUS = Pattern.compile("[a-z_-]{1,32}");

    @Override
    public WebhookEnvelope envelope(String payload) {
        SmsStatusCallback callback = callback(payload);
        return new WebhookEnvelope(callback.messageSid() + ":" + callback.status(), "message." + callback.status(),
                null, callback.messageSid());
    }

    @Override
    public SmsStatusCallback callback(String payload) {
        Map<String, String> params;
        try {
            params = UrlEncodedForm.parse(payload);
        } catch (IllegalArgumentException e) {
            throw new MalformedWebhookException("the body is not a form: " + e.getMessage());
        }
        String sid = params.get("MessageSid");
        String status = params.get("MessageStatus");
        if (sid == null || !SID.matcher(sid).matches()) {
            throw new MalformedWebhookException("the callback has no valid MessageSid");
        }
        if (status == null || !STATUS.matcher(status).matches()) {
            throw new MalformedWebhookException("the callback has no valid MessageStatus");
        }
        return new SmsStatusCallback(sid, status);
    }
}
