package io.financehub.sms.application;

import io.financehub.sms.domain.SmsDeliveryStatus;

import java.util.Optional;

/** Delivery statuses of sent messages in the {@code sms_messages} table. */
public interface SmsDeliveryLog {

    /** @return the message's current delivery status, empty when no message has this vendor id */
    Optional<String> currentStatus(String providerMessageId);

    /** Sets the status when it moves forward from the stored one (checked in the same statement). */
    boolean advance(String providerMessageId, SmsDeliveryStatus status);
}
