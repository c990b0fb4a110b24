-- Retention (docs/retention.md). Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.

-- A webhook event's row stays for good (dedup by event id, the audit trail, what reconciliation and the timeline
-- show); only its raw payload is cleared after HUB_RETENTION_WEBHOOK_PAYLOADS, and this says when. A cleared event
-- can no longer be replayed.
ALTER TABLE webhook_events ALTER COLUMN payload DROP NOT NULL;
ALTER TABLE webhook_events ADD COLUMN payload_pruned_at TIMESTAMP WITH TIME ZONE;

-- One row per scheduled job that must run on one replica at a time (the retention pruner: job 'retention'). A
-- replica holds it while expires_at (the database's clock) has not passed; taken and renewed by conditional
-- UPDATE, first taken by INSERT ... ON CONFLICT DO NOTHING.
CREATE TABLE job_leases (
    job        VARCHAR(64)  NOT NULL PRIMARY KEY,
    owner      VARCHAR(128) NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Each pruning batch reads at most batch-size entries of one of these, whatever the table's size: the time column
-- it compares, behind the status or outcome that decides whether a row may go at all.
CREATE INDEX ix_webhook_events_payload_retention ON webhook_events (status, payload_pruned_at, received_at);
CREATE INDEX ix_route_exchanges_recorded ON route_exchanges (recorded_at);
CREATE INDEX ix_camel_messageprocessed_created ON CAMEL_MESSAGEPROCESSED (createdAt);
CREATE INDEX ix_inbound_commands_retention ON inbound_commands (outcome, received_at);
CREATE INDEX ix_dead_letters_retention ON dead_letters (status, retried_at);
-- domain_events: ix_domain_events_unpublished (published_at, id) of V8 already serves published_at < cutoff
