package io.financehub.sms.application;

/**
 * What one settlement run did.
 *
 * @param checked   undecided messages it fetched from the vendor (or tried to)
 * @param settled   messages whose status moved: the vendor's status was applied as a recovered status callback
 * @param unchanged messages the vendor reports no further on (they are fetched again after the settle-after time)
 * @param notFound  messages the vendor does not know
 * @param deferred  messages left for the next run because the vendor could not be asked
 * @param error     why the run stopped early; null when it went through
 */
public record SmsSettlementReport(int checked, int settled, int unchanged, int notFound, int deferred,
                                  String error) {
}
