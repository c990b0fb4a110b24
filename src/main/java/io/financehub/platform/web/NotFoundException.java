package io.financehub.platform.web;

/**
 * What was asked for does not exist: answered {@code 404 not_found} with this message. Imports no framework, so the
 * use cases of every capability throw it themselves (their adapters need no translation).
 */
public class NotFoundException extends RuntimeException {

    private final String what;
    private final String which;

    /** The message reads {@code no <what> <which>}, e.g. {@code no dead letter 42}. */
    public NotFoundException(String what, String which) {
        this(what, which, "no " + what + " " + which);
    }

    /** For a message that says more than "no such thing" (why the thing is not there). */
    public NotFoundException(String what, String which, String message) {
        super(message);
        this.what = what;
        this.which = which;
    }

    /** The kind of thing looked for: {@code dead letter}, {@code SMS message}, ... */
    public String what() {
        return what;
    }

    /** The key it was looked for under. */
    public String which() {
        return which;
    }
}
