package io.financehub.webhook.adapter;

import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Camel's JDBC idempotent repository on {@code CAMEL_MESSAGEPROCESSED}, made safe for concurrent consumers on several
 * replicas. Camel's own {@code add} counts first and inserts second, and reports "added" whatever the insert did:
 * two consumers adding one key at once would both be told they were first (or, without the unique constraint, both
 * insert). Here the insert alone decides, and {@code ON CONFLICT DO NOTHING} makes the loser's insert a no-op
 * instead of an error that would abort a PostgreSQL transaction.
 */
public class ConflictSafeMessageIdRepository extends JdbcMessageIdRepository {

    public ConflictSafeMessageIdRepository(JdbcTemplate jdbc, TransactionTemplate transactions, String processorName) {
        super(jdbc, transactions);
        setProcessorName(processorName);
        setCreateTableIfNotExists(false);
        setInsertString("INSERT INTO CAMEL_MESSAGEPROCESSED (processorName, messageId, createdAt) "
                + "VALUES (?, ?, ?) ON CONFLICT DO NOTHING");
    }

    @Override
    public boolean add(String key) {
        return Boolean.TRUE.equals(transactionTemplate.execute(status -> insert(key) == 1));
    }
}
