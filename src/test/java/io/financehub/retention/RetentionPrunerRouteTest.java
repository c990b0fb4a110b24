package io.financehub.retention;

import io.financehub.retention.application.RetentionPruner;
import io.financehub.support.RouteTestBase;
import org.apache.camel.builder.AdviceWithRouteBuilder;
import org.apache.camel.util.function.ThrowingConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.verify;

/** The {@code retention-pruner} route: every {@code HUB_RETENTION_PERIOD} (10 minutes) a pass of the pruner. */
@TestPropertySource(properties = "camel.main.routes-include-pattern=file:routes/retention-pruner.camel.yaml")
class RetentionPrunerRouteTest extends RouteTestBase {

    @MockitoBean(name = "retentionPruner")
    RetentionPruner pruner;

    @Override
    protected Map<String, ThrowingConsumer<AdviceWithRouteBuilder, Exception>> advice() {
        return Map.of("retention-pruner", a -> { });
    }

    @Test
    void eachTickRunsAPass() {
        clearInvocations(pruner);

        producer.sendBody("direct:retention-pruner", null);

        verify(pruner).prune();
        assertThat(definedConsumer("retention-pruner")).isEqualTo("timer:retention-pruner?delay=60000&period=600000");
    }
}
