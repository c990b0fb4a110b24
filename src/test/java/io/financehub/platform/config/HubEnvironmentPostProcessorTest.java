package io.financehub.platform.config;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The settings the hub derives from its own variables. */
class HubEnvironmentPostProcessorTest {

    @Test
    void embeddedBrokerJournalFollowsTheDataDirectoryEvenWhenItIsSetLater() {
        StandardEnvironment env = new StandardEnvironment();
        new HubEnvironmentPostProcessor().postProcessEnvironment(env, null);
        // what a test context's @DynamicPropertySource does after the environment was prepared
        env.getPropertySources().addFirst(new MapPropertySource("later", Map.of("hub.data-dir", "/tmp/hub-it-42")));

        assertThat(env.getProperty("spring.artemis.embedded.data-directory")).isEqualTo("/tmp/hub-it-42/artemis");
        assertThat(env.getProperty("spring.artemis.mode")).isEqualTo("embedded");
    }

    @Test
    void embeddedBrokerJournalDefaultsUnderData() {
        StandardEnvironment env = new StandardEnvironment();
        new HubEnvironmentPostProcessor().postProcessEnvironment(env, null);

        String journal = env.getProperty("spring.artemis.embedded.data-directory");
        assertThat(java.nio.file.Path.of(journal).isAbsolute()).isTrue();
        assertThat(journal).endsWith("/data/artemis");
    }

    @Test
    void aBrokerUrlSetLaterSwitchesToTheExternalBroker() {
        StandardEnvironment env = new StandardEnvironment();
        new HubEnvironmentPostProcessor().postProcessEnvironment(env, null);
        env.getPropertySources().addFirst(new MapPropertySource("later", Map.of("hub.broker.url", "tcp://b:61616")));

        assertThat(env.getProperty("spring.artemis.mode")).isEqualTo("native");
        assertThat(env.getProperty("spring.artemis.broker-url")).isEqualTo("tcp://b:61616");
    }

    @Test
    void routesComeFromTheFolderWhenItExistsElseFromTheJar() {
        StandardEnvironment env = new StandardEnvironment();
        new HubEnvironmentPostProcessor().postProcessEnvironment(env, null);
        assertThat(env.getProperty("camel.main.routes-include-pattern")).startsWith("file:").endsWith("/routes/*.yaml");

        env.getPropertySources().addFirst(new MapPropertySource("later", Map.of("hub.routes-dir", "/no/such/dir")));
        assertThat(env.getProperty("camel.main.routes-include-pattern")).isEqualTo("classpath:routes/*.yaml");
    }

    @Test
    void externalBrokerUsesItsUrlAndCredentials() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("hub", Map.of("hub.broker.url", "tcp://artemis:61616",
                "hub.broker.user", "u", "hub.broker.password", "p")));
        new HubEnvironmentPostProcessor().postProcessEnvironment(env, null);

        assertThat(env.getProperty("spring.artemis.mode")).isEqualTo("native");
        assertThat(env.getProperty("spring.artemis.broker-url")).isEqualTo("tcp://artemis:61616");
        assertThat(env.getProperty("spring.artemis.user")).isEqualTo("u");
        assertThat(env.getProperty("spring.artemis.embedded.enabled")).isEqualTo("false");
    }
}
