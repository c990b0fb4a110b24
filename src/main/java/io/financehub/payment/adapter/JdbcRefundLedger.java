package io.financehub.payment.adapter;

import io.financehub.payment.application.RefundLedger;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@link RefundLedger} on {@code invoices.refund_posted_minor}; the caller's transaction holds the row lock. */
public class JdbcRefundLedger implements RefundLedger {

    private final JdbcTemplate jdbc;

    public JdbcRefundLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long raisePostedRefund(String invoiceId, long amountRefunded) {
        Long posted = jdbc.queryForObject("SELECT refund_posted_minor FROM invoices WHERE invoice_id = ? FOR UPDATE",
                Long.class, invoiceId);
        long rise = amountRefunded - (posted == null ? 0 : posted);
        if (rise <= 0) {
            return 0;
        }
        jdbc.update("UPDATE invoices SET refund_posted_minor = ? WHERE invoice_id = ?", amountRefunded, invoiceId);
        return rise;
    }
}
