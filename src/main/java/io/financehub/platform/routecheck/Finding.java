package io.financehub.platform.routecheck;

/**
 * One problem in a route file, printed as {@code <file>: route <id>: <message>}; a problem of the whole file (it
 * cannot be read) has no route and prints as {@code <file>: <message>}.
 */
public record Finding(String file, String routeId, String message) {

    @Override
    public String toString() {
        return routeId == null ? file + ": " + message : file + ": route " + routeId + ": " + message;
    }
}
