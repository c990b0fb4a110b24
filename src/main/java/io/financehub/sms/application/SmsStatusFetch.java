package io.financehub.sms.application;

import java.util.Optional;

/** Reads one message's current status from the SMS vendor's own record of it. */
public interface SmsStatusFetch {

    /**
     * @return the vendor's status name ({@code delivered}, {@code sent}, ...); empty when the vendor has no such
     *         message
     * @throws SmsStatusUnavailableException when the vendor could not be asked (outage, timeout, refusal)
     */
    Optional<String> status(String providerMessageId);
}
