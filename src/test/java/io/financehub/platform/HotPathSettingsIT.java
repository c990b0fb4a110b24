package io.financehub.platform;

import io.financehub.support.HubIntegrationBase;
import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.component.jms.JmsConsumer;
import org.apache.camel.component.jms.JmsEndpoint;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.junit.jupiter.api.Test;
import org.messaginghub.pooled.jms.JmsPoolConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.jms.listener.DefaultMessageListenerContainer;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The settings the performance work relies on, as the running hub has them (docs/performance.md). */
class HotPathSettingsIT extends HubIntegrationBase {

    @Autowired
    CamelContext camel;

    @Autowired
    ConnectionFactory jmsConnectionFactory;

    @Autowired
    ServletWebServerApplicationContext web;

    @Test
    void everyTransactedJmsConsumerKeepsItsConsumerOnALocalTransactedSession() throws Exception {
        List<Route> jmsRoutes = camel.getRoutes().stream()
                .filter(route -> route.getEndpoint() instanceof JmsEndpoint endpoint && endpoint.isTransacted())
                .toList();
        assertThat(jmsRoutes).extracting(Route::getRouteId)
                .contains("payments-worker", "sms-worker", "accounting-worker", "stripe-webhook-processor");
        for (Route route : jmsRoutes) {
            JmsEndpoint endpoint = (JmsEndpoint) route.getEndpoint();
            assertThat(endpoint.getConfiguration().isLazyCreateTransactionManager()).as(route.getRouteId()).isFalse();
            DefaultMessageListenerContainer container =
                    (DefaultMessageListenerContainer) ((JmsConsumer) route.getConsumer()).getListenerContainer();
            assertThat(container.isSessionTransacted()).as(route.getRouteId()).isTrue();
            assertThat(container.getCacheLevel()).as(route.getRouteId())
                    .isEqualTo(DefaultMessageListenerContainer.CACHE_CONSUMER);
        }
    }

    @Test
    void thePooledSessionsCacheTheQueuesTheyResolved() {
        assertThat(jmsConnectionFactory).isInstanceOf(JmsPoolConnectionFactory.class);
        Object artemis = ((JmsPoolConnectionFactory) jmsConnectionFactory).getConnectionFactory();
        assertThat(((ActiveMQConnectionFactory) artemis).isCacheDestinations()).isTrue();
    }

    @Test
    void tomcatKeepsAKeepAliveConnectionOpenForAnyNumberOfRequests() {
        TomcatWebServer tomcat = (TomcatWebServer) web.getWebServer();
        AbstractHttp11Protocol<?> http =
                (AbstractHttp11Protocol<?>) tomcat.getTomcat().getConnector().getProtocolHandler();
        assertThat(http.getMaxKeepAliveRequests()).isEqualTo(-1);
    }
}
