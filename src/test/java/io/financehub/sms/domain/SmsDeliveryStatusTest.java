package io.financehub.sms.domain;

import io.financehub.invoice.domain.PhoneNumber;
import org.junit.jupiter.api.Test;

import static io.financehub.sms.domain.SmsDeliveryStatus.DELIVERED;
import static io.financehub.sms.domain.SmsDeliveryStatus.FAILED;
import static io.financehub.sms.domain.SmsDeliveryStatus.QUEUED;
import static io.financehub.sms.domain.SmsDeliveryStatus.SENT;
import static io.financehub.sms.domain.SmsDeliveryStatus.UNDELIVERED;
import static org.assertj.core.api.Assertions.assertThat;

class SmsDeliveryStatusTest {

    @Test
    void statusesOnlyMoveForward() {
        assertThat(QUEUED.canMoveTo(SENT)).isTrue();
        assertThat(SENT.canMoveTo(DELIVERED)).isTrue();
        assertThat(DELIVERED.canMoveTo(SENT)).isFalse();
        assertThat(DELIVERED.canMoveTo(UNDELIVERED)).isFalse();
        assertThat(FAILED.canMoveTo(DELIVERED)).isFalse();
        assertThat(SmsDeliveryStatus.ofVendorName("accepted")).isEqualTo(QUEUED);
        assertThat(SmsDeliveryStatus.ofVendorName("read")).isNull();
    }

    @Test
    void phoneNumbersAreMaskedForLogs() {
        assertThat(PhoneNumber.mask("+15551234567")).isEqualTo("+1555***4567");
        assertThat(PhoneNumber.isE164("+15551234567")).isTrue();
        assertThat(PhoneNumber.isE164("15551234567")).isFalse();
        assertThat(PhoneNumber.isE164("+0123")).isFalse();
    }
}
