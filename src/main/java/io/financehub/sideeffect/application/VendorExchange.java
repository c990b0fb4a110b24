package io.financehub.sideeffect.application;

/** What went over the wire to a vendor, secrets already masked, for the audit tables. */
public record VendorExchange(String request, String response, Integer httpStatus) {

    public static VendorExchange requestOnly(String request) {
        return new VendorExchange(request, null, null);
    }
}
