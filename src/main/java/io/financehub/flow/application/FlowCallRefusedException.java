package io.financehub.flow.application;

/**
 * A flow asked for a call the hub will never make: a key that is no flow key (malformed, a built-in action's, or not
 * under an existing invoice), or parameters it cannot store. The message says which, for the route's log and the
 * dead letter its message ends up as.
 */
public class FlowCallRefusedException extends RuntimeException {

    public FlowCallRefusedException(String message) {
        super(message);
    }
}
