package io.financehub.sms.adapter;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the sandbox SMS vendor keeps the messages it accepted: shared by every replica, so the lookup by recipient
 * and the scheduled status callbacks work on whichever replica runs them.
 */
public interface SandboxSmsStore {

    void add(String sid, String to, String body, Instant sentAt);

    /** The SIDs of the messages with this recipient and text sent at or after {@code since}, oldest first. */
    List<String> findSent(String to, String body, Instant since);

    /** The recipient of the message with this SID. */
    Optional<String> recipient(String sid);
}
