package io.financehub.sms.adapter;

import com.twilio.exception.ApiException;
import com.twilio.rest.api.v2010.account.Message;
import io.financehub.sms.application.SmsStatusFetch;
import io.financehub.sms.application.SmsStatusUnavailableException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

import java.util.Optional;

/**
 * {@link SmsStatusFetch} on Twilio's message resource through {@code direct:twilio-fetch-sms}
 * ({@code twilio://message/fetcher}): the component's REST client targets {@code hub.twilio.api-base} with the
 * hub's timeout and makes one attempt.
 */
public class TwilioMessageFetch implements SmsStatusFetch {

    static final String ROUTE = "direct:twilio-fetch-sms";

    private final ProducerTemplate producer;
    private final TwilioProperties properties;

    public TwilioMessageFetch(ProducerTemplate producer, TwilioProperties properties) {
        this.producer = producer;
        this.properties = properties;
    }

    @Override
    public Optional<String> status(String providerMessageId) {
        Exchange result = producer.send(ROUTE, exchange -> {
            exchange.getIn().setHeader("smsAccountSid", properties.accountSid());
            exchange.getIn().setHeader("smsMessageSid", providerMessageId);
        });
        if (result.getException() != null) {
            ApiException api = TwilioOutcomes.causeOfType(result.getException(), ApiException.class);
            if (api != null && Integer.valueOf(404).equals(api.getStatusCode())) {
                return Optional.empty();
            }
            String reason = api != null && api.getStatusCode() != null ? "HTTP " + api.getStatusCode()
                    : TwilioOutcomes.innermost(result.getException());
            throw new SmsStatusUnavailableException("Twilio could not be asked for message " + providerMessageId
                    + " (" + reason + ")", result.getException());
        }
        if (!(result.getMessage().getBody() instanceof Message message) || message.getStatus() == null) {
            throw new SmsStatusUnavailableException("Twilio's answer for message " + providerMessageId
                    + " had no status", null);
        }
        return Optional.of(message.getStatus().toString());
    }
}
