package io.financehub.invoice.application;

import java.util.List;

/** A command whose fields are invalid; carries one {@link FieldError} per bad field. */
public class CommandValidationException extends RuntimeException {

    private final transient List<FieldError> errors;

    public CommandValidationException(List<FieldError> errors) {
        super("invalid fields: " + errors.stream().map(FieldError::field).toList());
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
