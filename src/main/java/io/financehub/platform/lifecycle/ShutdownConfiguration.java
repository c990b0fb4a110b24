package io.financehub.platform.lifecycle;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The order of a shutdown: readiness down and a drain first (see {@link ReadinessDrain}). */
@Configuration
public class ShutdownConfiguration {

    @Bean
    ReadinessDrain readinessDrain(ShutdownProperties shutdown, ApplicationAvailability availability) {
        return new ReadinessDrain(shutdown.drainDelay(), availability);
    }
}
