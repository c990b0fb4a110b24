package io.financehub.payment.application;

import io.financehub.payment.application.StripeEventPage.ListedEvent;
import io.financehub.webhook.application.WebhookIngestionService;
import io.financehub.webhook.domain.WebhookProvider;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** The run around the window: every page read before anything is written, the cursor moved only by a whole run. */
class StripeEventRecoveryTest {

    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    static final Duration MARGIN = Duration.ofMinutes(10);

    final WebhookIngestionService ingestion = mock(WebhookIngestionService.class);
    final ScriptedFeed feed = new ScriptedFeed();
    final MemoryCursor cursor = new MemoryCursor();

    StripeEventRecovery recovery(int maxPages) {
        return new StripeEventRecovery(feed, cursor, ingestion, Clock.fixed(NOW, ZoneOffset.UTC), MARGIN,
                Duration.ofDays(3), maxPages);
    }

    @Test
    void readsEveryPageAfterTheLastIdThenIngestsWhatIsNewAndMovesTheCursor() {
        cursor.value = NOW.minus(Duration.ofMinutes(15));
        feed.pages.add(new StripeEventPage(List.of(event("evt_3"), event("evt_2")), true));
        feed.pages.add(new StripeEventPage(List.of(event("evt_1")), false));
        when(ingestion.recover(eq(WebhookProvider.STRIPE), any())).thenReturn(true);
        when(ingestion.recover(WebhookProvider.STRIPE, "{\"id\":\"evt_2\"}")).thenReturn(false);

        StripeRecoveryReport report = recovery(10).recover(null);

        assertThat(feed.asked).containsExactly("from " + NOW.minus(Duration.ofMinutes(25)) + " after null",
                "from " + NOW.minus(Duration.ofMinutes(25)) + " after evt_2");
        assertThat(report).isEqualTo(new StripeRecoveryReport(NOW.minus(Duration.ofMinutes(25)), 2, 3, 1, 2, 0, NOW,
                true));
        assertThat(cursor.value).isEqualTo(NOW);
    }

    @Test
    void aFailureOnAnyPageStoresNothingAndKeepsTheCursor() {
        Instant before = NOW.minus(Duration.ofMinutes(15));
        cursor.value = before;
        feed.pages.add(new StripeEventPage(List.of(event("evt_2")), true));
        feed.failAfter = 1;

        assertThatThrownBy(() -> recovery(10).recover(null)).isInstanceOf(StripeEventsUnavailableException.class);

        verifyNoInteractions(ingestion);
        assertThat(cursor.value).isEqualTo(before);
    }

    @Test
    void aWindowOfMorePagesThanAllowedIsRefusedWithNothingStored() {
        feed.pages.add(new StripeEventPage(List.of(event("evt_2")), true));
        feed.pages.add(new StripeEventPage(List.of(event("evt_1")), true));

        assertThatThrownBy(() -> recovery(2).recover(null)).isInstanceOf(StripeEventsUnavailableException.class)
                .hasMessageContaining("HUB_RECOVERY_STRIPE_MAX_PAGES");

        verifyNoInteractions(ingestion);
        assertThat(cursor.value).isNull();
    }

    static ListedEvent event(String id) {
        return new ListedEvent(id, "{\"id\":\"" + id + "\"}");
    }

    static final class ScriptedFeed implements StripeEventFeed {
        final List<StripeEventPage> pages = new ArrayList<>();
        final List<String> asked = new ArrayList<>();
        int failAfter = Integer.MAX_VALUE;

        @Override
        public StripeEventPage page(Instant createdFrom, String startingAfter) {
            asked.add("from " + createdFrom + " after " + startingAfter);
            if (asked.size() > failAfter) {
                throw new StripeEventsUnavailableException("HTTP 500", null);
            }
            return pages.get(asked.size() - 1);
        }
    }

    static final class MemoryCursor implements StripeRecoveryCursor {
        Instant value;

        @Override
        public Optional<Instant> coveredUntil() {
            return Optional.ofNullable(value);
        }

        @Override
        public void advance(Instant until) {
            value = until;
        }
    }
}
