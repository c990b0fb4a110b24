package io.financehub.platform.persistence;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SingleReplicaScheduleTest {

    /** A lease held until released by hand: enough to see who runs and for how long each turn is taken. */
    private static final class HeldLease implements JobLease {
        final Map<String, String> holders = new HashMap<>();
        Duration lastTtl;

        @Override
        public boolean tryAcquire(String job, String owner, Duration ttl) {
            lastTtl = ttl;
            return holders.computeIfAbsent(job, j -> owner).equals(owner);
        }

        @Override
        public boolean renew(String job, String owner, Duration ttl) {
            return owner.equals(holders.get(job));
        }
    }

    @Test
    void oneReplicaRunsTheJobAndKeepsItFromRunToRun() {
        HeldLease lease = new HeldLease();
        SingleReplicaSchedule first = new SingleReplicaSchedule(lease, "stripe-event-recovery", "hub-1", Duration.ofMinutes(15));
        SingleReplicaSchedule second = new SingleReplicaSchedule(lease, "stripe-event-recovery", "hub-2", Duration.ofMinutes(15));

        assertThat(first.thisReplicaRuns()).isTrue();
        assertThat(second.thisReplicaRuns()).isFalse();
        assertThat(first.thisReplicaRuns()).as("the holder's next turn renews its lease").isTrue();
        assertThat(lease.lastTtl).as("two periods: the holder's next run comes before it runs out")
                .isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void eachJobHasALeaseOfItsOwn() {
        HeldLease lease = new HeldLease();
        assertThat(new SingleReplicaSchedule(lease, "stripe-event-recovery", "hub-1", Duration.ofMinutes(15))
                .thisReplicaRuns()).isTrue();
        assertThat(new SingleReplicaSchedule(lease, "twilio-sms-settlement", "hub-2", Duration.ofMinutes(15))
                .thisReplicaRuns()).isTrue();
    }

    @Test
    void replicaNamesAreUniquePerProcessAndFitTheLeaseColumn() {
        String one = SingleReplicaSchedule.replicaName();
        assertThat(one).isNotEqualTo(SingleReplicaSchedule.replicaName()).hasSizeLessThanOrEqualTo(128);
    }
}
