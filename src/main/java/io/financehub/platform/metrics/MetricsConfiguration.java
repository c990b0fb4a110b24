package io.financehub.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The scheduler behind the sampled gauges. The gauges themselves belong to the capability they describe, which
 * declares its {@link PeriodicSample} beans.
 */
@Configuration
public class MetricsConfiguration {

    @Bean
    MeterSampler meterSampler(List<PeriodicSample> samples) {
        return new MeterSampler(samples);
    }

    /** Counted by the Stripe and Twilio recovery runs (payment and sms). */
    @Bean
    RecoveryMetrics recoveryMetrics(MeterRegistry registry) {
        return new RecoveryMetrics(registry);
    }
}
