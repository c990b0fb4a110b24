package io.financehub.platform.lifecycle;

import io.financehub.platform.web.HttpAnswers;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The hub's start and stop as the outside sees them: requests refused with 503 {@code starting} until the application
 * is ready ({@link StartupGate}), and readiness down with a drain first at shutdown ({@link ReadinessDrain}).
 */
@Configuration
public class LifecycleConfiguration {

    @Bean
    ReadinessDrain readinessDrain(ShutdownProperties shutdown, ApplicationAvailability availability) {
        return new ReadinessDrain(shutdown.drainDelay(), availability);
    }

    @Bean
    StartupGate startupGate(HttpAnswers answers) {
        return new StartupGate(answers);
    }

    /** Before every other filter, Spring Security's included: a starting hub answers the same to everyone. */
    @Bean
    FilterRegistrationBean<StartupGate> startupGateRegistration(StartupGate gate) {
        FilterRegistrationBean<StartupGate> registration = new FilterRegistrationBean<>(gate);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
