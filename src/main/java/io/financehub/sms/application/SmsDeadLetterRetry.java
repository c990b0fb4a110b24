package io.financehub.sms.application;

import io.financehub.sideeffect.application.UnknownOutcomeRetry;
import io.financehub.sideeffect.domain.SideEffectChannel;

/**
 * An operator's dead-letter retry of an SMS whose outcome is unknown: the operators' lookup-first resend
 * ({@link SmsMessageAdministration#resendFromDeadLetter}), so a message already on the customer's phone is settled,
 * not sent twice.
 */
public class SmsDeadLetterRetry implements UnknownOutcomeRetry {

    static final String LOOKUP_FAILED = "lookup-failed";

    private final SmsMessageAdministration messages;

    public SmsDeadLetterRetry(SmsMessageAdministration messages) {
        this.messages = messages;
    }

    @Override
    public SideEffectChannel channel() {
        return SideEffectChannel.SMS;
    }

    @Override
    public Result retry(String idempotencyKey, String operator) {
        SmsMessageAdministration.ActionResult result = messages.resendFromDeadLetter(idempotencyKey, operator);
        return new Result(result.outcome(), result.message(), LOOKUP_FAILED.equals(result.outcome()));
    }
}
