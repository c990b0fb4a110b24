package io.financehub.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HTTP entry routes ({@code from: platform-http:...} and the REST DSL) served by Spring MVC on the hub's port, with
 * {@link RawHttpEngine} in place of the starter's engine (which it skips when one exists).
 */
@Configuration
public class HttpRoutesConfiguration {

    @Bean
    HttpAnswers httpAnswers(ObjectMapper json) {
        return new HttpAnswers(json);
    }

    /** The name platform-http looks its engine up by. */
    @Bean(name = "platform-http-engine")
    RawHttpEngine platformHttpEngine(@Value("${server.port:8080}") int port, HttpAnswers answers) {
        return new RawHttpEngine(port, answers);
    }
}
