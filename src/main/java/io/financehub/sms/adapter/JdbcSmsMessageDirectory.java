package io.financehub.sms.adapter;

import io.financehub.sms.application.SmsMessageDirectory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Optional;

/** {@link SmsMessageDirectory} on {@code sms_messages}. */
public class JdbcSmsMessageDirectory implements SmsMessageDirectory {

    private final JdbcTemplate jdbc;

    public JdbcSmsMessageDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> invoiceIdOf(String providerMessageId) {
        return jdbc.queryForList("SELECT invoice_id FROM sms_messages WHERE provider_msg_id = ?", String.class,
                providerMessageId).stream().findFirst();
    }
}
