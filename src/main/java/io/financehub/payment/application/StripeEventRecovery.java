package io.financehub.payment.application;

import io.financehub.payment.application.StripeEventPage.ListedEvent;
import io.financehub.payment.domain.RecoveryWindow;
import io.financehub.webhook.application.MalformedWebhookException;
import io.financehub.webhook.application.WebhookIngestionService;
import io.financehub.webhook.domain.WebhookProvider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Recovers the Stripe events whose webhook never reached the hub: lists Stripe's events from the cursor (minus a
 * margin) through every page, then ingests each one the hub has not stored through the webhook ingestion path, as a
 * recovered event, so it is processed exactly as a delivered one would have been. Stored events are skipped by
 * event id.
 * <p>
 * The whole list is read before anything is written: a Stripe failure on any page ends the run with nothing
 * stored and the cursor where it was, and the next run reads the same window again. Runs on several replicas at
 * once are harmless: the event store keeps one row per event id.
 */
public class StripeEventRecovery {

    private final StripeEventFeed feed;
    private final StripeRecoveryCursor cursor;
    private final WebhookIngestionService ingestion;
    private final Clock clock;
    private final Duration margin;
    private final Duration lookback;
    private final int maxPages;

    /**
     * @param margin   how far before the cursor a run starts
     * @param lookback how far back the first run reads (no cursor yet)
     * @param maxPages most pages one run reads; a window with more is refused (nothing written), so the cursor
     *                 never moves over events the run did not list
     */
    public StripeEventRecovery(StripeEventFeed feed, StripeRecoveryCursor cursor, WebhookIngestionService ingestion,
                               Clock clock, Duration margin, Duration lookback, int maxPages) {
        this.feed = feed;
        this.cursor = cursor;
        this.ingestion = ingestion;
        this.clock = clock;
        this.margin = margin;
        this.lookback = lookback;
        this.maxPages = maxPages;
    }

    /**
     * @param since the earliest event creation time to list; null to start from the cursor
     * @throws IllegalArgumentException          when {@code since} is in the future
     * @throws StripeEventsUnavailableException when Stripe could not be read; nothing was stored
     */
    public StripeRecoveryReport recover(Instant since) {
        RecoveryWindow window = RecoveryWindow.of(cursor.coveredUntil().orElse(null), since,
                clock.instant().truncatedTo(ChronoUnit.MICROS), margin,
                lookback);
        List<ListedEvent> listed = new ArrayList<>();
        int pages = 0;
        String after = null;
        boolean more = true;
        while (more) {
            if (pages == maxPages) {
                throw new StripeEventsUnavailableException("Stripe lists more than " + maxPages + " pages of events "
                        + "since " + window.from() + "; nothing was recovered (raise HUB_RECOVERY_STRIPE_MAX_PAGES, "
                        + "or recover a later since first)", null);
            }
            StripeEventPage page = feed.page(window.from(), after);
            pages++;
            listed.addAll(page.events());
            more = page.hasMore() && page.lastId() != null;
            after = page.lastId();
        }
        int recovered = 0;
        int known = 0;
        int unreadable = 0;
        Set<String> seen = new HashSet<>();
        for (ListedEvent event : listed) {
            if (!seen.add(event.id())) {
                continue;
            }
            try {
                if (ingestion.recover(WebhookProvider.STRIPE, event.payload())) {
                    recovered++;
                } else {
                    known++;
                }
            } catch (MalformedWebhookException e) {
                // Stripe's own list should hold only readable events; one that is not must not block the rest
                unreadable++;
            }
        }
        Instant covered = window.cursorAfterCompletion();
        boolean moved = window.advancesCursor() && !covered.equals(window.cursor());
        if (moved) {
            cursor.advance(covered);
        }
        return new StripeRecoveryReport(window.from(), pages, seen.size(), known, recovered, unreadable, covered,
                moved);
    }
}
