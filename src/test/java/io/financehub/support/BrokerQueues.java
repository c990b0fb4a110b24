package io.financehub.support;

import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/**
 * What the embedded broker still holds of a queue. Once a queue holds nothing — no message waiting, scheduled for
 * later or delivered but unacknowledged — every message put on it has been consumed for good, so whatever its
 * consumers would do has been done: the proof that nothing more follows, without a fixed wait.
 */
public final class BrokerQueues {

    private BrokerQueues() {
    }

    /** Waits until the queue holds no message at all. */
    public static void awaitEmpty(EmbeddedActiveMQ broker, String queue) {
        await().atMost(Duration.ofSeconds(20)).until(() -> isEmpty(broker, queue));
    }

    /** @throws IllegalArgumentException when the broker has no such queue (a misspelt name would prove nothing) */
    public static boolean isEmpty(EmbeddedActiveMQ broker, String queue) {
        Queue held = broker.getActiveMQServer().locateQueue(queue);
        if (held == null) {
            throw new IllegalArgumentException("the broker has no queue " + queue);
        }
        return held.getMessageCount() == 0 && held.getScheduledCount() == 0 && held.getDeliveringCount() == 0;
    }
}
