package io.financehub.invoice.adapter;

import io.financehub.platform.persistence.SqlTime;
import io.financehub.invoice.application.InvoiceRepository;
import io.financehub.invoice.domain.Customer;
import io.financehub.invoice.domain.Invoice;
import io.financehub.invoice.domain.Money;
import io.financehub.invoice.domain.PaymentFacts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.time.Instant;
import java.util.Optional;

/** {@link InvoiceRepository} on the {@code invoices} table. */
public class JdbcInvoiceRepository implements InvoiceRepository {

    private static final String COLUMNS = "invoice_id, customer_id, customer_name, customer_phone, currency, "
            + "amount_minor, description, content_hash, intent_created, payment_succeeded, payment_failed, "
            + "refunded_minor, created_at";

    private static final RowMapper<Invoice> MAPPER = (rs, i) -> new Invoice(rs.getString("invoice_id"),
            new Customer(rs.getString("customer_id"), rs.getString("customer_name"), rs.getString("customer_phone")),
            new Money(rs.getLong("amount_minor"), rs.getString("currency")), rs.getString("description"),
            rs.getString("content_hash"),
            new PaymentFacts(rs.getBoolean("intent_created"), rs.getBoolean("payment_succeeded"),
                    rs.getBoolean("payment_failed"), rs.getLong("refunded_minor")),
            SqlTime.read(rs, "created_at"));

    private final JdbcTemplate jdbc;

    public JdbcInvoiceRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean insertIfAbsent(Invoice invoice) {
        return jdbc.update("INSERT INTO invoices (" + COLUMNS + ", status, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                invoice.invoiceId(), invoice.customer().id(), invoice.customer().name(), invoice.customer().phone(),
                invoice.amount().currency(), invoice.amount().amountMinor(), invoice.description(),
                invoice.contentHash(), invoice.facts().intentCreated(), invoice.facts().succeeded(),
                invoice.facts().failed(), invoice.facts().refundedMinor(), SqlTime.of(invoice.createdAt()),
                invoice.status().name(), SqlTime.of(invoice.createdAt())) == 1;
    }

    @Override
    public Optional<Invoice> find(String invoiceId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM invoices WHERE invoice_id = ?", MAPPER, invoiceId)
                .stream().findFirst();
    }

    @Override
    public Optional<Invoice> findByPaymentIntent(String paymentIntentId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM invoices WHERE payment_intent_id = ?", MAPPER, paymentIntentId)
                .stream().findFirst();
    }

    @Override
    public PaymentFacts mergeFacts(String invoiceId, PaymentFacts facts) {
        Invoice current = jdbc.query("SELECT " + COLUMNS + " FROM invoices WHERE invoice_id = ? FOR UPDATE", MAPPER,
                invoiceId).stream().findFirst().orElseThrow(() -> new IllegalArgumentException("no invoice " + invoiceId));
        PaymentFacts merged = current.facts().merge(facts);
        Invoice updated = new Invoice(current.invoiceId(), current.customer(), current.amount(), current.description(),
                current.contentHash(), merged, current.createdAt());
        jdbc.update("UPDATE invoices SET intent_created = ?, payment_succeeded = ?, payment_failed = ?, "
                        + "refunded_minor = ?, status = ?, updated_at = ? WHERE invoice_id = ?",
                merged.intentCreated(), merged.succeeded(), merged.failed(), merged.refundedMinor(),
                updated.status().name(), SqlTime.of(Instant.now()), invoiceId);
        return current.facts();
    }

    @Override
    public void recordPaymentIntent(String invoiceId, String paymentIntentId) {
        jdbc.update("UPDATE invoices SET payment_intent_id = ?, updated_at = ? WHERE invoice_id = ?",
                paymentIntentId, SqlTime.of(Instant.now()), invoiceId);
    }
}
