package io.financehub.sms.application;

import io.financehub.sms.application.SmsSender.SentMessage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the vendor's message for one SMS key. The vendor lists messages by recipient and time, and Twilio's list does
 * not return the status callback URL (the only field that could carry the key), so the hub matches recipient, time
 * and text; two keys can share all three (two partial refunds of one amount). A message already recorded for another
 * key is therefore never this key's: of the vendor's candidates the oldest one no other key holds is taken.
 */
final class SentSmsLookup {

    private final SmsSender sender;
    private final SmsMessageLog messages;

    SentSmsLookup(SmsSender sender, SmsMessageLog messages) {
        this.sender = sender;
        this.messages = messages;
    }

    /** @throws SmsSender.LookupFailedException when the vendor could not be asked */
    Optional<SentMessage> find(String idempotencyKey, String to, String body, Instant since) {
        List<SentMessage> candidates = sender.findSent(to, body, since);
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Set<String> others = messages.heldByOtherKeys(candidates.stream().map(SentMessage::providerMessageId).toList(),
                idempotencyKey);
        return candidates.stream().filter(c -> !others.contains(c.providerMessageId())).findFirst();
    }
}
