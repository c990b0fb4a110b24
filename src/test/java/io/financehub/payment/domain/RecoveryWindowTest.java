package io.financehub.payment.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecoveryWindowTest {

    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    static final Duration MARGIN = Duration.ofMinutes(10);
    static final Duration LOOKBACK = Duration.ofDays(3);

    @Test
    void theFirstRunReadsTheLookBackAndThenCoversUpToItsStart() {
        RecoveryWindow window = RecoveryWindow.of(null, null, NOW, MARGIN, LOOKBACK);

        assertThat(window.from()).isEqualTo(NOW.minus(LOOKBACK));
        assertThat(window.advancesCursor()).isTrue();
        assertThat(window.cursorAfterCompletion()).isEqualTo(NOW);
    }

    @Test
    void aScheduledRunStartsTheMarginBeforeTheCursor() {
        Instant cursor = NOW.minus(Duration.ofMinutes(15));

        RecoveryWindow window = RecoveryWindow.of(cursor, null, NOW, MARGIN, LOOKBACK);

        assertThat(window.from()).isEqualTo(cursor.minus(MARGIN));
        assertThat(window.cursorAfterCompletion()).isEqualTo(NOW);
    }

    @Test
    void anEarlierSinceReadsFurtherBackAndStillMovesTheCursor() {
        Instant cursor = NOW.minus(Duration.ofHours(1));
        Instant since = NOW.minus(Duration.ofDays(20));

        RecoveryWindow window = RecoveryWindow.of(cursor, since, NOW, MARGIN, LOOKBACK);

        assertThat(window.from()).isEqualTo(since);
        assertThat(window.advancesCursor()).isTrue();
        assertThat(window.cursorAfterCompletion()).isEqualTo(NOW);
    }

    @Test
    void aSinceAfterTheCursorLeavesTheCursorWhereItWas() {
        // the gap between the cursor and since is not read: the next scheduled run must still read it
        Instant cursor = NOW.minus(Duration.ofHours(5));
        Instant since = NOW.minus(Duration.ofHours(1));

        RecoveryWindow window = RecoveryWindow.of(cursor, since, NOW, MARGIN, LOOKBACK);

        assertThat(window.from()).isEqualTo(since);
        assertThat(window.advancesCursor()).isFalse();
        assertThat(window.cursorAfterCompletion()).isEqualTo(cursor);
    }

    @Test
    void aSinceLaterThanTheLookBackDoesNotStartACursor() {
        RecoveryWindow window = RecoveryWindow.of(null, NOW.minus(Duration.ofHours(1)), NOW, MARGIN, LOOKBACK);

        assertThat(window.advancesCursor()).isFalse();
        assertThat(window.cursorAfterCompletion()).isNull();
    }

    @Test
    void aCursorAheadOfTheHubsClockIsNeverMovedBack() {
        // another replica whose clock runs ahead completed a run "later"
        Instant cursor = NOW.plus(Duration.ofMinutes(2));

        RecoveryWindow window = RecoveryWindow.of(cursor, null, NOW, MARGIN, LOOKBACK);

        assertThat(window.from()).isEqualTo(cursor.minus(MARGIN));
        assertThat(window.cursorAfterCompletion()).isEqualTo(cursor);
    }

    @Test
    void aSinceInTheFutureIsRefused() {
        assertThatThrownBy(() -> RecoveryWindow.of(null, NOW.plusSeconds(1), NOW, MARGIN, LOOKBACK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("future");
    }
}
