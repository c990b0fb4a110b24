package io.financehub.platform.lifecycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.financehub.platform.web.HttpAnswers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class StartupGateTest {

    private final StartupGate gate = new StartupGate(new HttpAnswers(new ObjectMapper()));

    @Test
    void refusesWithStartingUntilReadyThenLetsEverythingThrough() throws Exception {
        MockHttpServletResponse webhook = filter("POST", "/webhooks/stripe");
        assertThat(webhook.getStatus()).isEqualTo(503);
        assertThat(webhook.getContentType()).isEqualTo("application/json");
        assertThat(webhook.getHeader("Retry-After")).isEqualTo("5");
        assertThat(new ObjectMapper().readTree(webhook.getContentAsString()).get("error").asText())
                .isEqualTo("starting");
        assertThat(filter("POST", "/api/invoices").getStatus()).isEqualTo(503);
        assertThat(filter("GET", "/admin/dead-letters").getStatus()).isEqualTo(503);

        gate.onApplicationEvent(new ApplicationReadyEvent(new SpringApplication(), new String[0],
                new GenericApplicationContext(), Duration.ZERO));

        assertThat(gate.isOpen()).isTrue();
        assertThat(filter("POST", "/webhooks/stripe").getStatus()).isEqualTo(200);
        assertThat(filter("GET", "/admin/dead-letters").getStatus()).isEqualTo(200);
    }

    @Test
    void probesAndMetricsPassWhileStarting() throws Exception {
        assertThat(filter("GET", "/actuator/health/readiness").getStatus()).isEqualTo(200);
        assertThat(filter("GET", "/actuator/prometheus").getStatus()).isEqualTo(200);
        assertThat(gate.isOpen()).isFalse();
    }

    /** The gate's answer, or the chain's (200, nothing written) when it let the request through. */
    private MockHttpServletResponse filter(String method, String path) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        gate.doFilter(new MockHttpServletRequest(method, path), response, new MockFilterChain());
        return response;
    }
}
