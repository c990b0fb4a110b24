package io.financehub.sms;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live-Twilio ITs share one application context and one WireMock Twilio whose request counts are per recipient
 * number: a number two test classes both use makes one count the other's sends (seen: "expected 1 but was 2").
 */
class LiveTwilioRecipientsTest {

    private static final Path SMS_TESTS = Path.of("src/test/java/io/financehub/sms");
    private static final Pattern NUMBER = Pattern.compile("\"(\\+1555\\d{7})\"");

    @Test
    void everyLiveTwilioTestClassHasRecipientNumbersOfItsOwn() throws IOException {
        Map<String, String> owner = new HashMap<>();
        List<Path> classes;
        try (Stream<Path> files = Files.list(SMS_TESTS)) {
            classes = files.filter(f -> f.toString().endsWith(".java") && read(f).contains("extends LiveTwilioIntegrationBase")).sorted().toList();
        }
        assertThat(classes).hasSizeGreaterThan(1);
        for (Path file : classes) {
            Matcher number = NUMBER.matcher(read(file));
            while (number.find()) {
                String previous = owner.putIfAbsent(number.group(1), file.getFileName().toString());
                assertThat(previous == null || previous.equals(file.getFileName().toString()))
                        .as("%s is used by %s and %s", number.group(1), previous, file.getFileName()).isTrue();
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
