package io.financehub.adapter.out.twilio;

import io.financehub.application.port.out.SmsSender;
import io.financehub.application.port.out.VendorExchange;
import io.financehub.application.port.out.VendorOutcome;
import io.financehub.domain.model.PhoneNumber;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * Twilio's test credentials in process: accepts the message, gives it a SID and keeps it (in the database, so the
 * lookup by recipient works from every replica). Twilio's magic test number {@code +15005550001} is refused as
 * invalid (21211), as Twilio's test mode does.
 */
public class SandboxSmsSender implements SmsSender {

    static final String INVALID_NUMBER = "+15005550001";

    private final JdbcTemplate jdbc;

    public SandboxSmsSender(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public VendorOutcome send(SmsRequest request) {
        String requestText = "POST /2010-04-01/Accounts/ACsandbox/Messages.json To=" + PhoneNumber.mask(request.to())
                + " StatusCallback=" + request.statusCallbackUrl();
        if (INVALID_NUMBER.equals(request.to())) {
            return new VendorOutcome.Rejected("21211", "The 'To' number is not a valid phone number.",
                    new VendorExchange(requestText, "{\"code\":21211,\"status\":400}", 400));
        }
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        jdbc.update("INSERT INTO sandbox_sms (sid, to_number, body, sent_at) VALUES (?, ?, ?, ?)", sid, request.to(),
                request.body(), Instant.now().atOffset(ZoneOffset.UTC));
        return new VendorOutcome.Succeeded(sid, new VendorExchange(requestText,
                "{\"sid\":\"" + sid + "\",\"status\":\"queued\"}", 201));
    }

    @Override
    public Optional<String> findSent(String to, String body, Instant since) {
        return jdbc.queryForList("SELECT sid FROM sandbox_sms WHERE to_number = ? AND body = ? AND sent_at >= ? "
                + "ORDER BY sent_at", String.class, to, body, since.atOffset(ZoneOffset.UTC)).stream().findFirst();
    }
}
