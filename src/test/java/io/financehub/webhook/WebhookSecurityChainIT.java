package io.financehub.webhook;

import io.financehub.support.WebhookSigner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import jakarta.servlet.Filter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.FilterChainProxy;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook paths pass no Spring Security filter (their signature is their authentication), while every other
 * path keeps its chain; the answers, accepted or refused, still say they are not to be cached or sniffed.
 */
class WebhookSecurityChainIT extends WebhookIntegrationBase {

    @Autowired
    FilterChainProxy springSecurityFilterChain;

    @Test
    void theWebhookPathsHaveNoFilterAndTheApiKeepsItsChain() {
        assertThat(filtersFor(STRIPE_PATH)).isEmpty();
        assertThat(filtersFor(TWILIO_PATH)).isEmpty();
        assertThat(filtersFor("/api/invoices")).isNotEmpty();
        assertThat(filtersFor("/admin/dead-letters")).isNotEmpty();
    }

    /** The filters of the first chain that matches a POST to {@code path}, as FilterChainProxy chooses. */
    private List<Filter> filtersFor(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        return springSecurityFilterChain.getFilterChains().stream().filter(chain -> chain.matches(request))
                .findFirst().orElseThrow().getFilters();
    }

    @Test
    void acceptedAndRefusedWebhooksAreAnsweredUncached() {
        byte[] event = WebhookSigner.stripeEvent(unique("evt_hdr_"), "customer.created", "{\"id\":\"cus_1\"}");
        assertUncached(postSignedStripe(event), 200);
        assertUncached(postStripe(event, "t=1,v1=00"), 400);
        assertUncached(postTwilio(Map.of("MessageSid", "SM1", "MessageStatus", "delivered"), "bad"), 400);
    }

    @Test
    void aWebhookPathStillRefusesWhatTheFirewallRefuses() {
        HttpResponse<String> answer = hub().post(STRIPE_PATH + "/..;/x", new byte[0], Map.of());
        assertThat(answer.statusCode()).isEqualTo(400);
    }

    private static void assertUncached(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(answer.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }
}
