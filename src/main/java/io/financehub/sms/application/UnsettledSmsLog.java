package io.financehub.sms.application;

import java.time.Instant;
import java.util.List;

/** The sent messages whose delivery is still undecided ({@code sms_messages}), for their settlement with Twilio. */
public interface UnsettledSmsLog {

    /**
     * Messages Twilio accepted (they have its SID) that are still {@code queued}, {@code accepted},
     * {@code scheduled}, {@code sending} or {@code sent}, whose status has not changed since before
     * {@code unchangedBefore} and that were not fetched since {@code checkedBefore}; least recently fetched first.
     */
    List<UnsettledSms> findUnsettled(Instant unchangedBefore, Instant checkedBefore, int limit);

    /** Records that the message was fetched at {@code at}, so it waits before being fetched again. */
    void markChecked(String providerMessageId, Instant at);

    /**
     * A message whose delivery is undecided.
     *
     * @param providerMessageId Twilio's message SID
     * @param status            the hub's status of it now
     */
    record UnsettledSms(String providerMessageId, String status) {
    }
}
