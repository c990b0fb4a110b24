package io.financehub.webhook.application;

/**
 * Where each provider posts its webhooks on the hub, relative to {@code HUB_PUBLIC_BASE_URL}. The hub's endpoints are
 * mapped here, and the SMS side effect tells Twilio (and the sandbox) to call back here; Twilio signs the full URL.
 */
public final class WebhookPaths {

    /** Stripe events, signed with {@code Stripe-Signature}. */
    public static final String STRIPE = "/webhooks/stripe";
    /** Twilio message status callbacks, signed with {@code X-Twilio-Signature}. */
    public static final String TWILIO_SMS_STATUS = "/webhooks/twilio/sms-status";

    private WebhookPaths() {
    }
}
