package io.financehub.sideeffect.application;

import io.financehub.sideeffect.domain.SideEffectStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Claims and their lease: a claim left by a dead worker is taken over, a claim lost mid-call records nothing. */
class SideEffectExecutorClaimTest extends SideEffectExecutorBase {

    @Test
    void aClaimHeldPastItsLeaseIsTakenOverAndResumedNotPerformedAgain() {
        sideEffects.claim(KEY, Duration.ofMinutes(2));            // a worker claimed it, then died
        handler.script.add(new VendorOutcome.Succeeded("pi_found", exchange()));

        assertThat(executor.execute(KEY)).isEqualTo("not-claimed");
        clock.now = T0.plus(Duration.ofMinutes(3));
        assertThat(executor.execute(KEY)).isEqualTo("succeeded");

        assertThat(handler.calls).containsExactly("resume");
        assertThat(sideEffects.find(KEY).orElseThrow().attempts()).isEqualTo(2);
    }

    @Test
    void aWorkerWhoseClaimWasTakenOverDuringTheCallRecordsNothing() {
        handler.script.add(new VendorOutcome.Succeeded("pi_slow", exchange()));
        handler.duringCall = () -> {
            // the lease ran out while the vendor was slow: another worker takes the claim over and finishes
            clock.now = T0.plus(Duration.ofMinutes(3));
            sideEffects.claim(KEY, Duration.ofMinutes(2));
            sideEffects.recordOutcome(KEY, 2, SideEffectStatus.SUCCEEDED, "pi_other", null, clock.now);
        };

        assertThat(executor.execute(KEY)).isEqualTo("lost-claim");

        assertThat(sideEffects.find(KEY).orElseThrow().resultRef()).isEqualTo("pi_other");
        assertThat(handler.outcomes).isZero();
    }
}
