package io.financehub.sideeffect.application;

import io.financehub.sideeffect.application.DeadLetterStore.DeadLetter;

import java.util.List;

/** Operators' read of the dead letters: nothing here changes one. */
public interface DeadLetterQuery {

    /** Newest first; {@code beforeId} is the cursor of the previous page's last item (null for the first page). */
    List<DeadLetter> list(Long beforeId, int limit);
}
