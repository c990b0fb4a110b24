package io.financehub.flow.adapter;

import io.financehub.flow.application.FlowEndpoint;
import io.financehub.flow.domain.FlowCall;
import io.financehub.platform.persistence.Text;
import io.financehub.sideeffect.application.VendorExchange;
import io.financehub.sideeffect.application.VendorOutcome;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;

import java.util.HashMap;
import java.util.Map;

/**
 * {@link FlowEndpoint} through Camel: the stored body, its {@code Content-Type} and the declared idempotency header go
 * to the flow's endpoint in a fresh exchange, and nothing else (an {@code http:} endpoint sends every header it gets).
 * Timeouts are the endpoint's own ({@code connectTimeout}, {@code responseTimeout} on the {@code http:} URI).
 */
public class CamelFlowEndpoint implements FlowEndpoint {

    private static final int MAX_RESPONSE_CHARS = 64 * 1024;

    private final ProducerTemplate producer;

    public CamelFlowEndpoint(ProducerTemplate producer) {
        this.producer = producer;
    }

    @Override
    public VendorOutcome call(String idempotencyKey, FlowCall call) {
        Exchange exchange = producer.send(call.endpointUri(), e -> {
            Message message = e.getMessage();
            message.setBody(call.body());
            if (call.contentType() != null) {
                message.setHeader(Exchange.CONTENT_TYPE, call.contentType());
            }
            if (call.idempotencyKeyHeader() != null) {
                message.setHeader(call.idempotencyKeyHeader(), idempotencyKey);
            }
        });
        String request = RequestText.of(idempotencyKey, call, exchange.getProperty(ExchangePropertyKey.TO_ENDPOINT,
                String.class));
        if (exchange.getException() != null) {
            return FlowCallOutcomes.failed(exchange.getException(), request);
        }
        Message answer = exchange.getMessage();
        Integer status = answer.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        String response = Text.clip(EndpointMask.text(answer.getBody(String.class)), MAX_RESPONSE_CHARS);
        return FlowCallOutcomes.answered(status, headers(answer), new VendorExchange(request, response, status));
    }

    private static Map<String, String> headers(Message answer) {
        Map<String, String> headers = new HashMap<>();
        answer.getHeaders().forEach((name, value) -> headers.put(name, value == null ? null : value.toString()));
        return headers;
    }
}
