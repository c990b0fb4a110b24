package io.financehub.sms.adapter;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** {@link SandboxSmsStore} in {@code sandbox_sms}. */
public class JdbcSandboxSmsStore implements SandboxSmsStore {

    private final JdbcTemplate jdbc;

    public JdbcSandboxSmsStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(String sid, String to, String body, Instant sentAt) {
        jdbc.update("INSERT INTO sandbox_sms (sid, to_number, body, sent_at) VALUES (?, ?, ?, ?)", sid, to, body,
                sentAt.atOffset(ZoneOffset.UTC));
    }

    @Override
    public List<String> findSent(String to, String body, Instant since) {
        return jdbc.queryForList("SELECT sid FROM sandbox_sms WHERE to_number = ? AND body = ? AND sent_at >= ? "
                + "ORDER BY sent_at, sid", String.class, to, body, since.atOffset(ZoneOffset.UTC));
    }

    @Override
    public Optional<String> recipient(String sid) {
        return jdbc.queryForList("SELECT to_number FROM sandbox_sms WHERE sid = ?", String.class, sid).stream()
                .findFirst();
    }
}
