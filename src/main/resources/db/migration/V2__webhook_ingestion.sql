-- Webhook ingestion (issue 3). Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.

-- dispatched_at: when the event was last handed to its queue (set on receipt); the relay re-sends events still
-- 'received' long after it, and its conditional update keeps replicas from sending one event twice.
ALTER TABLE webhook_events ADD COLUMN dispatched_at TIMESTAMP WITH TIME ZONE;
-- attempts: how many times processing ran (queue deliveries that got past the idempotent consumer, and replays).
ALTER TABLE webhook_events ADD COLUMN attempts INTEGER DEFAULT 0 NOT NULL;
-- object_ref: the vendor object the event is about (Stripe PaymentIntent id, Twilio MessageSid), so an
-- 'unmatched' event can be re-run once its invoice or message becomes known.
ALTER TABLE webhook_events ADD COLUMN object_ref VARCHAR(255);

CREATE INDEX ix_webhook_events_relay ON webhook_events (status, dispatched_at);
