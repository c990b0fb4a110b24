package io.financehub.retention;

import io.financehub.retention.application.RetentionPruner;
import io.financehub.support.RouteTestBase;
import org.apache.camel.builder.AdviceWithRouteBuilder;
import org.apache.camel.util.function.ThrowingConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.util.Map;

import static org.mockito.Mockito.verifyNoInteractions;

/** {@code HUB_RETENTION_ENABLED=false}: the route's ticks never reach the pruner (nor its lease). */
@TestPropertySource(properties = {"camel.main.routes-include-pattern=file:routes/retention-pruner.camel.yaml",
        "hub.retention.enabled=false"})
class RetentionPrunerDisabledRouteTest extends RouteTestBase {

    @MockitoBean(name = "retentionPruner")
    RetentionPruner pruner;

    @Override
    protected Map<String, ThrowingConsumer<AdviceWithRouteBuilder, Exception>> advice() {
        return Map.of("retention-pruner", a -> { });
    }

    @Test
    void aTickDoesNothing() {
        producer.sendBody("direct:retention-pruner", null);

        verifyNoInteractions(pruner);
    }
}
