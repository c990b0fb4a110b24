package io.financehub.sms.application;

import io.financehub.sms.domain.SmsDeliveryStatus;

import java.util.Optional;

/** Delivery statuses of sent messages in the {@code sms_messages} table. */
public interface SmsDeliveryLog {

    /** @return the message with this vendor id, empty when there is none */
    Optional<DeliveredSms> find(String providerMessageId);

    /** Sets the status when it moves forward from the stored one (checked in the same statement). */
    boolean advance(String providerMessageId, SmsDeliveryStatus status);

    /** What a delivery event tells of the message: whose it is, its key, its template and its status now. */
    record DeliveredSms(String invoiceId, String idempotencyKey, String template, String status) {
    }
}
