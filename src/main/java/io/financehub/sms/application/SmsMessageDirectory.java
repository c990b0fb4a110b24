package io.financehub.sms.application;

import java.util.Optional;

/** Finds which invoice a sent SMS belongs to, by the vendor's message id. */
public interface SmsMessageDirectory {

    Optional<String> invoiceIdOf(String providerMessageId);
}
