package io.financehub.flow;

import io.financehub.flow.adapter.FlowSideEffects;
import io.financehub.support.RouteTestBase;
import org.apache.camel.builder.AdviceWithRouteBuilder;
import org.apache.camel.util.function.ThrowingConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Without {@code HUB_CRM_URL} the example flow is off: neither of its routes exists, nothing subscribes. */
@TestPropertySource(properties = "camel.main.routes-include-pattern=file:routes/error-handling.camel.yaml,"
        + "file:routes/crm-payment-sync.camel.yaml")
class CrmPaymentSyncOffRouteTest extends RouteTestBase {

    @MockitoBean(name = "flowSideEffects")
    FlowSideEffects flowSideEffects;

    @Override
    protected Map<String, ThrowingConsumer<AdviceWithRouteBuilder, Exception>> advice() {
        return Map.of();
    }

    @Test
    void withoutACrmUrlTheFlowsRoutesAreNotCreated() {
        assertThat(camel.getRoute("crm-payment-sync")).isNull();
        assertThat(camel.getRoute("crm-post-payment")).isNull();
        assertThat(camel.getRoute("test-exchange-audit")).as("the context did start").isNotNull();
    }
}
