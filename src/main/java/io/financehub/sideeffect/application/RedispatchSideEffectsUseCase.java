package io.financehub.sideeffect.application;

/**
 * The outbox relay: finds side effects that were stored but never reached their queue (crash after commit)
 * or whose claim holder died, and puts them on their queue again. The claim makes the extra message harmless.
 */
public interface RedispatchSideEffectsUseCase {

    /** @return how many side effects were handed to their queues */
    int redispatchStale();
}
