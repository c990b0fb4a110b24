-- When the hub last sent a ledger post it got no answer to (NULL once answered). Such a post may still be written
-- by a ledger without idempotency (hledger-web) after the hub gave up on it, so a retry's lookup waits until
-- HUB_ACCOUNTING_LOOKUP_DELAY after this moment. It is in the database, not in memory, because the retry may run on
-- another replica, or after this one died mid-request.
ALTER TABLE accounting_posts ADD COLUMN unanswered_post_at TIMESTAMP WITH TIME ZONE;
