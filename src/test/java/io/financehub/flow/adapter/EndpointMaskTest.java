package io.financehub.flow.adapter;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EndpointMaskTest {

    @Test
    void masksUserInfoAndSecretQueryParameters() {
        assertThat(EndpointMask.uri("https://crm-user:s3cr3t@crm.example/api/payments?authPassword=pw&apiKey=k1"
                + "&access_token=t&client_secret=s&responseTimeout=5000&page=2"))
                .isEqualTo("https://[masked]@crm.example/api/payments?authPassword=[masked]&apiKey=[masked]"
                        + "&access_token=[masked]&client_secret=[masked]&responseTimeout=5000&page=2");
        assertThat(EndpointMask.uri("direct:crm-post-payment")).isEqualTo("direct:crm-post-payment");
        assertThat(EndpointMask.uri(null)).isNull();
    }

    @Test
    void masksAuthorizationHeadersInTexts() {
        assertThat(EndpointMask.text("http://crm/x?token=abc\nAuthorization: Bearer xyz\nproxy-authorization: Basic q\n"
                + "Idempotency-Key: INV-1:crm-payment-sync\n\n{\"amount\":1}"))
                .isEqualTo("http://crm/x?token=[masked]\nAuthorization: [masked]\nproxy-authorization: [masked]\n"
                        + "Idempotency-Key: INV-1:crm-payment-sync\n\n{\"amount\":1}");
    }
}
