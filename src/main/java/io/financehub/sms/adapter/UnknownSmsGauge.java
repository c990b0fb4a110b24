package io.financehub.sms.adapter;

import io.financehub.platform.metrics.SampledGauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code hub.sms.unknown}: SMS messages whose outcome is unknown (sent to the vendor, result never learnt), the
 * messages {@code GET /admin/sms-messages?status=unknown} lists for an operator to look up or resend.
 */
public class UnknownSmsGauge {

    private final JdbcTemplate jdbc;
    private final SampledGauge unknown;

    public UnknownSmsGauge(JdbcTemplate jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.unknown = SampledGauge.register(registry, "hub.sms.unknown", "SMS messages whose outcome is unknown",
                null);
    }

    public void sample() {
        unknown.set(jdbc.queryForObject("SELECT COUNT(*) FROM sms_messages WHERE status = 'unknown'", Long.class));
    }
}
