package io.financehub.sms.application;

/** The SMS vendor could not be asked for a message's status: the settlement run stops, the message waits. */
public class SmsStatusUnavailableException extends RuntimeException {

    public SmsStatusUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
