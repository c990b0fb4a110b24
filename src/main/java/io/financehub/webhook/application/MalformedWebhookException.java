package io.financehub.webhook.application;

/** A webhook payload that is not a readable event of its provider. */
public class MalformedWebhookException extends RuntimeException {

    public MalformedWebhookException(String message) {
        super(message);
    }
}
