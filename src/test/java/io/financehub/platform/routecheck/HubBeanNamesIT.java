package io.financehub.platform.routecheck;

import io.financehub.support.HubIntegrationBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bean names the route validator derives from the class files without starting the hub are the names the
 * running hub has: none of the hub's own beans is missing (which would make the validator report a bean that
 * exists), and the framework beans it allows are really there.
 */
class HubBeanNamesIT extends HubIntegrationBase {

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void everyBeanTheHubsOwnClassesDefineIsAmongTheDerivedNames() throws IOException {
        Set<String> derived = HubBeanNames.derive(getClass().getClassLoader());
        ConfigurableListableBeanFactory beans = context.getBeanFactory();

        List<String> hubOwn = Arrays.stream(beans.getBeanDefinitionNames())
                .filter(name -> definedByTheHub(beans.getBeanDefinition(name)))
                .filter(name -> !name.contains(".")) // @ConfigurationProperties beans: "prefix-fully.qualified.Type"
                .toList();

        assertThat(hubOwn).contains("sideEffectExecutor", "routeExchangeLog", "webhookMessageIds");
        assertThat(derived).containsAll(hubOwn);
    }

    @Test
    void theFrameworkBeansRoutesMayNameExist() {
        assertThat(HubBeanNames.FRAMEWORK_BEANS).allMatch(context::containsBean);
    }

    private static boolean definedByTheHub(BeanDefinition definition) {
        String source = definition instanceof AnnotatedBeanDefinition annotated
                && annotated.getFactoryMethodMetadata() != null
                ? annotated.getFactoryMethodMetadata().getDeclaringClassName() : definition.getBeanClassName();
        return source != null && source.startsWith("io.financehub.") && !source.contains("Test")
                && !source.startsWith("io.financehub.support.");
    }
}
