package io.financehub.sideeffect.application;

import java.util.function.Supplier;

/**
 * Measures the vendor calls {@link SideEffectExecutor} makes: how long each took and whether it succeeded, per
 * vendor and operation. The executor is the one place every vendor call passes, so this is the one place they are
 * measured.
 */
public interface VendorCallMeter {

    /**
     * Runs {@code call} and records it.
     *
     * @param vendor    the handler's {@linkplain SideEffectHandler#vendor vendor}
     * @param operation what was asked of it: the action's key part, or a flow's name
     * @param call      the call; must not throw (the executor turns exceptions into an unknown outcome first)
     * @return what {@code call} returned
     */
    VendorOutcome measure(String vendor, String operation, Supplier<VendorOutcome> call);
}
