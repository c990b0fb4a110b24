package io.financehub.platform.broker;

import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.deployers.impl.FileConfigurationParser;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.core.settings.impl.HierarchicalObjectRepository;
import org.apache.activemq.artemis.utils.XMLUtil;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docker/artemis/broker-00.xml}, read by Artemis' own parser and matched as the broker matches addresses:
 * expired messages go to {@code hub.dead-letters}, except on {@code hub.invoice.commands.rejected}, where they are
 * dropped (an empty expiry address), as on the embedded broker.
 */
class ExternalBrokerSettingsTest {

    @Test
    void expiredRejectedCommandsAreDroppedAndEveryOtherHubQueueDeadLettersThem() throws Exception {
        Element root = XMLUtil.stringToElement(Files.readString(Path.of("docker/artemis/broker-00.xml")));
        Element core = (Element) root.getElementsByTagNameNS("urn:activemq:core", "core").item(0);
        Configuration configuration = new ConfigurationImpl();
        new FileConfigurationParser().parseMainConfig(core, configuration);

        HierarchicalObjectRepository<AddressSettings> repository = new HierarchicalObjectRepository<>();
        repository.setDefault(new AddressSettings());
        for (Map.Entry<String, AddressSettings> setting : configuration.getAddressSettings().entrySet()) {
            repository.addMatch(setting.getKey(), setting.getValue());
        }

        assertThat(repository.getMatch(QueueNames.INVOICE_COMMANDS_REJECTED).getExpiryAddress().toString()).isEmpty();
        assertThat(repository.getMatch(QueueNames.INVOICE_COMMANDS).getExpiryAddress().toString())
                .isEqualTo(QueueNames.DEAD_LETTERS);
        assertThat(repository.getMatch(QueueNames.sideEffects("payments")).getExpiryAddress().toString())
                .isEqualTo(QueueNames.DEAD_LETTERS);
        assertThat(repository.getMatch(QueueNames.INVOICE_COMMANDS_REJECTED).getDeadLetterAddress().toString())
                .as("the rest of hub.# still applies").isEqualTo(QueueNames.DEAD_LETTERS);
    }
}
