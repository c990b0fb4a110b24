package io.financehub.payment.application;

/** How much of an invoice's refunds the hub has already decided to post, so each refund is posted once. */
public interface RefundLedger {

    /**
     * Raises the invoice's posted-refund total to {@code amountRefunded} if that is higher, under a row lock.
     *
     * @return the rise (0 when the total did not rise): the amount the new refund posting must carry
     */
    long raisePostedRefund(String invoiceId, long amountRefunded);
}
