-- Reconciliation walks invoices by period in (created_at, invoice_id) pages, and reads the sandbox ledger from a
-- date on: both need an index, or every page scans the whole table.
CREATE INDEX ix_invoices_created ON invoices (created_at, invoice_id);
CREATE INDEX ix_sandbox_ledger_posted ON sandbox_ledger_transactions (posted_at);
