package io.financehub.sideeffect.adapter;

import io.financehub.sideeffect.domain.SideEffectChannel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every side-effect channel has its queue among the hub's queue names. */
class CamelSideEffectQueueTest {

    private final CamelSideEffectQueue queue = new CamelSideEffectQueue(null);

    @Test
    void eachChannelHasItsQueue() {
        assertThat(queue.address(SideEffectChannel.PAYMENTS)).isEqualTo("hub.side-effects.payments");
        assertThat(queue.address(SideEffectChannel.ACCOUNTING)).isEqualTo("hub.side-effects.accounting");
        assertThat(queue.address(SideEffectChannel.SMS)).isEqualTo("hub.side-effects.sms");
        for (SideEffectChannel channel : SideEffectChannel.values()) {
            assertThat(queue.address(channel)).as("a channel added later needs its queue in QueueNames")
                    .startsWith("hub.side-effects.");
        }
    }
}
