package io.financehub.platform.config;

import org.apache.camel.spi.PropertiesFunction;
import org.springframework.boot.convert.DurationStyle;

/**
 * The {@code {{millis:<property>}}} placeholder of the YAML routes: the hub's duration settings are written as Spring
 * durations ({@code 5s}, {@code PT5S}, {@code 5000}), camel-http's timeout options take milliseconds. Camel looks the
 * property up first and hands its value here, so a route writes {@code connectTimeout={{millis:hub.accounting.timeout}}}
 * and the setting keeps its one name. Camel finds it through
 * {@code META-INF/services/org/apache/camel/properties-function/millis}, in every Camel context.
 */
public class DurationMillisFunction implements PropertiesFunction {

    @Override
    public String getName() {
        return "millis";
    }

    @Override
    public boolean lookupFirst(String remainder) {
        return true;
    }

    @Override
    public String apply(String duration) {
        if (duration == null || duration.isBlank()) {
            throw new IllegalArgumentException("{{millis:...}} needs a duration such as 5s, not an empty value");
        }
        return Long.toString(DurationStyle.detectAndParse(duration.trim()).toMillis());
    }
}
