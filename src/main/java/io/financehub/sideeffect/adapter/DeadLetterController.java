package io.financehub.sideeffect.adapter;

import io.financehub.platform.web.Page;
import io.financehub.sideeffect.application.DeadLetterAdministration;
import io.financehub.sideeffect.application.DeadLetterAdministration.RetryResult;
import io.financehub.sideeffect.application.DeadLetterQuery;
import io.financehub.sideeffect.application.DeadLetterStore.DeadLetter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.time.Instant;
import java.util.List;

/** Operators' view of dead letters, and their retry through the normal, exactly-once path. */
@RestController
@RequestMapping("/admin/dead-letters")
public class DeadLetterController {

    private final DeadLetterQuery query;
    private final DeadLetterAdministration deadLetters;

    public DeadLetterController(DeadLetterQuery query, DeadLetterAdministration deadLetters) {
        this.query = query;
        this.deadLetters = deadLetters;
    }

    @GetMapping
    public Page<DeadLetterView> list(@RequestParam(required = false) Integer limit,
                                     @RequestParam(required = false) String cursor) {
        int size = Page.limit(limit);
        List<DeadLetter> items = query.list(Page.cursor(cursor), size);
        String next = items.size() == size ? Long.toString(items.get(items.size() - 1).id()) : null;
        return new Page<>(items.stream().map(DeadLetterView::of).toList(), next);
    }

    @PostMapping("/{id}/retry")
    public RetryView retry(@PathVariable long id, Principal operator) {
        RetryResult result = deadLetters.retry(id, operator.getName());
        return new RetryView(id, result.status(), result.outcome(), result.message());
    }

    /** The answer to a retry: {@code status} is {@code retried} or {@code already-retried}. */
    public record RetryView(long id, String status, String outcome, String message) {
    }


    /** A dead letter as operators see it. */
    public record DeadLetterView(long id, String queue, String reason, String idempotencyKey, String messageId,
                                 int attempts, String status, Instant failedAt, Instant retriedAt, String body) {
        static DeadLetterView of(DeadLetter d) {
            return new DeadLetterView(d.id(), d.queue(), d.reason(), d.idempotencyKey(), d.messageId(), d.attempts(),
                    d.status(), d.failedAt(), d.retriedAt(), d.body());
        }
    }
}
