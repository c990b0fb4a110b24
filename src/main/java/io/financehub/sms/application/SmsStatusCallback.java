package io.financehub.sms.application;

/**
 * A Twilio message status callback in the hub's terms.
 *
 * @param messageSid the message's SID
 * @param status     Twilio's status name ({@code queued}, {@code sent}, {@code delivered}, ...)
 */
public record SmsStatusCallback(String messageSid, String status) {
}
