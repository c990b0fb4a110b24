#!/usr/bin/env bash
# Posts a signed Stripe event about one invoice to the hub, as Stripe would (docs/getting-started.md).
#
#   scripts/stripe-event.sh <type> <invoice id> [amount in minor units]
#
# type: payment_intent.succeeded, payment_intent.payment_failed or charge.refunded (the amount is what was refunded).
# The event carries what the hub matches on: data.object.metadata.invoice_id (the hub sets it on every PaymentIntent
# it creates) on a PaymentIntent, or data.object.payment_intent on a charge. The PaymentIntent id is the one the
# sandbox gave the invoice ("pi_sandbox_" + the first 24 hex digits of SHA-256("<invoice id>:create-payment-intent"));
# set PAYMENT_INTENT to use another (an intent created in Stripe test mode).
#
# Signed exactly as Stripe signs: Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">, with the
# first secret of HUB_STRIPE_WEBHOOK_SECRETS (the variable the hub reads), or the sandbox secret the hub verifies
# with when that is unset. HUB is the hub's base URL (default http://localhost:8080), CURRENCY the event's currency
# (default usd). Prints the hub's answer; exits non-zero when the hub refuses the event.
set -euo pipefail

SANDBOX_SECRET=whsec_sandbox_finance_integration_hub  # StripeProperties.SANDBOX_WEBHOOK_SECRET

usage() {
  echo "usage: $0 payment_intent.succeeded|payment_intent.payment_failed|charge.refunded <invoice id> [amount minor]" >&2
  exit 2
}

[ $# -ge 2 ] && [ $# -le 3 ] || usage
type=$1
invoice=$2
amount=${3:-12500}
[[ $invoice =~ ^[A-Za-z0-9._:-]{1,64}$ ]] || { echo "$0: invoice id must be 1-64 of A-Z a-z 0-9 . _ : -" >&2; exit 2; }
[[ $amount =~ ^[0-9]{1,15}$ ]] || { echo "$0: amount must be a whole number of minor units" >&2; exit 2; }
hub=${HUB:-http://localhost:8080}
currency=${CURRENCY:-usd}
secret=${HUB_STRIPE_WEBHOOK_SECRETS:-$SANDBOX_SECRET}
secret=${secret%%,*}
secret=${secret//[[:space:]]/}

intent=${PAYMENT_INTENT:-pi_sandbox_$(printf '%s' "$invoice:create-payment-intent" | openssl dgst -sha256 -r | cut -c1-24)}
now=$(date +%s)
event_id=evt_$(openssl rand -hex 12)

case $type in
  payment_intent.succeeded|payment_intent.payment_failed)
    if [ "$type" = payment_intent.succeeded ]; then status=succeeded; else status=requires_payment_method; fi
    object=$(cat <<JSON
{"id":"$intent","object":"payment_intent","amount":$amount,"amount_received":$([ "$status" = succeeded ] && echo "$amount" || echo 0),"currency":"$currency","created":$now,"livemode":false,"metadata":{"invoice_id":"$invoice"},"status":"$status"}
JSON
    ) ;;
  charge.refunded)
    object=$(cat <<JSON
{"id":"ch_$(openssl rand -hex 12)","object":"charge","amount":$amount,"amount_refunded":$amount,"currency":"$currency","created":$now,"livemode":false,"paid":true,"payment_intent":"$intent","refunded":true,"status":"succeeded"}
JSON
    ) ;;
  *) usage ;;
esac

body=$(cat <<JSON
{"id":"$event_id","object":"event","api_version":"2024-06-20","created":$now,"data":{"object":$object},"livemode":false,"pending_webhooks":1,"request":{"id":null,"idempotency_key":null},"type":"$type"}
JSON
)
signature=$(printf '%s.%s' "$now" "$body" | openssl dgst -sha256 -hmac "$secret" -r | cut -d' ' -f1)

curl --fail-with-body -sS -X POST "$hub/webhooks/stripe" -H 'Content-Type: application/json' \
  -H "Stripe-Signature: t=$now,v1=$signature" --data-binary "$body"
echo
