-- Recovery from the vendors' own records (issue 14). Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.

-- source: how the hub learnt of the event. 'webhook': the vendor delivered it, signed; 'recovered': the hub read it
-- from the vendor's API itself (Stripe's event list, a Twilio message fetched to settle a lost status callback).
ALTER TABLE webhook_events ADD COLUMN source VARCHAR(16) DEFAULT 'webhook' NOT NULL;

-- How far a recovery has read a vendor's records completely: the next run starts there, minus a safety margin.
-- One row per recovery ('stripe-events'); moved forward only.
CREATE TABLE vendor_recovery_cursors (
    cursor_name   VARCHAR(64)              NOT NULL PRIMARY KEY,
    covered_until TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- settle_checked_at: when the Twilio settlement last fetched this message without settling it, so a message Twilio
-- itself still reports as 'sent' is asked again only after the settle-after interval, not on every run.
ALTER TABLE sms_messages ADD COLUMN settle_checked_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_sms_messages_settle ON sms_messages (status, updated_at);
