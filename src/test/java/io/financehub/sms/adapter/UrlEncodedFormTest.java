package io.financehub.sms.adapter;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UrlEncodedFormTest {

    @Test
    void decodesEscapesPlusAndEmptyValues() {
        assertThat(UrlEncodedForm.parse("To=%2B15551234567&Body=hello+w%C3%B6rld&Empty=&Flag&&"))
                .containsExactly(Map.entry("To", "+15551234567"), Map.entry("Body", "hello wörld"),
                        Map.entry("Empty", ""), Map.entry("Flag", ""));
        assertThat(UrlEncodedForm.parse("")).isEmpty();
    }

    @Test
    void refusesIrregularInput() {
        assertRefused("a=%zz");
        assertRefused("a=%4");
        assertRefused("a=1&a=2");
        assertRefused("=1");
        assertRefused("a=%ff%fe");
        assertRefused("a=b c");
        assertThatThrownBy(() -> UrlEncodedForm.parse(new byte[]{'a', '=', (byte) 0xc3, (byte) 0xa9}))
                .isInstanceOf(IllegalArgumentException.class);
        assertRefused("a=1" + "&b=2".repeat(UrlEncodedForm.MAX_PARAMETERS));
    }

    private static void assertRefused(String body) {
        assertThatThrownBy(() -> UrlEncodedForm.parse(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
