package io.financehub.platform.web;

import org.apache.camel.Processor;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.component.platform.http.spi.PlatformHttpConsumer;
import org.apache.camel.component.platform.http.springboot.SpringBootPlatformHttpEngine;

/** The platform-http engine on Spring MVC whose consumers are {@link RawHttpConsumer}s. */
public class RawHttpEngine extends SpringBootPlatformHttpEngine {

    private final HttpAnswers answers;

    public RawHttpEngine(int port, HttpAnswers answers) {
        super(port);
        this.answers = answers;
    }

    @Override
    public PlatformHttpConsumer createConsumer(PlatformHttpEndpoint endpoint, Processor processor) {
        return new RawHttpConsumer(endpoint, processor, answers);
    }
}
