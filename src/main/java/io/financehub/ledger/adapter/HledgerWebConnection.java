package io.financehub.ledger.adapter;

import io.financehub.ledger.adapter.LedgerHttpClient.LedgerUnreachableException;
import io.financehub.ledger.adapter.LedgerHttpClient.Reply;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * hledger-web, one request at a time: it fails requests that overlap on its journal file ("file is locked", as
 * 500 or 403), so this replica never sends two at once. The requests go through the routes of
 * {@code routes/hledger-read-transactions.camel.yaml}, {@code hledger-add-transaction.camel.yaml}.
 */
class HledgerWebConnection {

    static final String ADD_ROUTE = "direct:hledger-add-transaction";
    static final String READ_ROUTE = "direct:hledger-read-transactions";

    private final LedgerHttpClient http;
    private final Duration waitLimit;
    private final ReentrantLock oneAtATime = new ReentrantLock(true);
    private long lastAnsweredAt = System.nanoTime();

    HledgerWebConnection(LedgerHttpClient http, Duration waitLimit) {
        this.http = http;
        this.waitLimit = waitLimit;
    }

    /**
     * {@code PUT /add}.
     *
     * @throws BusyException              when other requests held hledger-web for longer than the wait limit (nothing
     *                                    was sent)
     * @throws LedgerUnreachableException when no answer arrived (the transaction may have been added)
     */
    Reply add(String transactionJson) {
        return add(transactionJson, Duration.ZERO);
    }

    /**
     * {@code PUT /add}, sent no sooner than {@code quietBefore} after the previous request was answered: hledger-web
     * can only notice a write that reaches the file clearly after its last re-read (see {@link HledgerLedger}).
     */
    Reply add(String transactionJson, Duration quietBefore) {
        lock();
        try {
            long wait = lastAnsweredAt + quietBefore.toNanos() - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            return http.send(ADD_ROUTE, "PUT /add", null, transactionJson, Map.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusyException("interrupted before writing to hledger-web");
        } finally {
            lastAnsweredAt = System.nanoTime();
            oneAtATime.unlock();
        }
    }

    /**
     * {@code GET /transactions}: hledger-web's in-memory view of the journal.
     *
     * @throws BusyException              when other requests held hledger-web for longer than the wait limit
     * @throws LedgerUnreachableException when no answer arrived
     */
    Reply transactions() {
        lock();
        try {
            return http.send(READ_ROUTE, "GET /transactions", null, null, Map.of());
        } finally {
            lastAnsweredAt = System.nanoTime();
            oneAtATime.unlock();
        }
    }

    private void lock() {
        try {
            if (!oneAtATime.tryLock(waitLimit.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new BusyException("hledger-web stayed busy with other requests for " + waitLimit);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusyException("interrupted while waiting for hledger-web");
        }
    }

    /** The request was not sent. */
    static class BusyException extends RuntimeException {
        BusyException(String message) {
            super(message);
        }
    }
}
