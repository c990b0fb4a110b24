package io.financehub.platform.routecheck;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code java -jar <hub jar> --validate-routes DIR}: prints every finding as {@code <file>: route <id>: <message>},
 * then a summary line; exits 0 when the directory is clean, 1 when anything was found, 2 when it could not run.
 */
public final class RouteValidationCommand {

    public static final String OPTION = "--validate-routes";

    private RouteValidationCommand() {
    }

    /** Whether the arguments ask for validation rather than for the hub. */
    public static boolean requested(String[] args) {
        return args.length > 0 && args[0].equals(OPTION);
    }

    /** Runs the validation the arguments ask for; answers the process exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2) {
            err.println("usage: java -jar <hub jar> " + OPTION + " DIR");
            return 2;
        }
        Path dir = Path.of(args[1]);
        if (!Files.isDirectory(dir)) {
            err.println(dir + ": not a directory");
            return 2;
        }
        try {
            RouteValidator.RouteValidation validation = new RouteValidator(RouteValidationCommand.class.getClassLoader())
                    .validate(dir);
            validation.findings().forEach(out::println);
            out.println(validation.summary());
            return validation.clean() ? 0 : 1;
        } catch (IOException | RuntimeException e) {
            err.println(dir + ": validation could not run: " + e);
            return 2;
        }
    }
}
