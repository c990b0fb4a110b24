package io.financehub.platform.routecheck;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.MethodMetadata;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
import org.springframework.core.type.classreading.MetadataReader;

import java.beans.Introspector;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;

/**
 * The names of the beans routes may call, derived without starting the hub: the hub's {@code @Bean} methods and
 * {@code @Component}s (Spring's own naming: the method name or the class name with a lower-case first letter,
 * unless the annotation names it), read from the class files as Spring's component scan reads them, plus the few
 * beans Spring Boot and Camel provide that a route may name. {@code HubBeanNamesIT} checks these names against the
 * running hub.
 */
public final class HubBeanNames {

    /** Beans of Spring Boot and Camel that routes may reference ({@code #dataSource} for the sql component, ...). */
    public static final Set<String> FRAMEWORK_BEANS = Set.of("dataSource", "transactionManager", "jmsConnectionFactory");

    private static final String BEAN = "org.springframework.context.annotation.Bean";
    private static final String COMPONENT = "org.springframework.stereotype.Component";

    private HubBeanNames() {
    }

    /** Every name the hub's own classes (package {@code io.financehub}) give a bean, plus {@link #FRAMEWORK_BEANS}. */
    public static Set<String> derive(ClassLoader classLoader) throws IOException {
        Set<String> names = new TreeSet<>(FRAMEWORK_BEANS);
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(classLoader);
        CachingMetadataReaderFactory readers = new CachingMetadataReaderFactory(resolver);
        for (Resource resource : resolver.getResources("classpath*:io/financehub/**/*.class")) {
            MetadataReader reader = readers.getMetadataReader(resource);
            AnnotationMetadata type = reader.getAnnotationMetadata();
            if (type.hasAnnotation(COMPONENT) || type.hasMetaAnnotation(COMPONENT)) {
                names.add(componentName(type));
            }
            for (MethodMetadata method : type.getAnnotatedMethods(BEAN)) {
                String[] declared = method.getAnnotations().get(BEAN).getStringArray("name");
                if (declared.length == 0) {
                    names.add(method.getMethodName());
                } else {
                    names.addAll(Set.of(declared));
                }
            }
        }
        return names;
    }

    private static String componentName(AnnotationMetadata type) {
        // @Component, @Service, @Repository, @Controller, @Configuration: each names its bean in "value"
        String named = type.getAnnotations().stream()
                .filter(a -> a.getType().getName().equals(COMPONENT)
                        || a.getMetaTypes().stream().anyMatch(t -> t.getName().equals(COMPONENT)))
                .map(a -> a.getValue("value", String.class).orElse("")).filter(v -> !v.isBlank())
                .findFirst().orElse(null);
        if (named != null) {
            return named;
        }
        String simpleName = type.getClassName().substring(type.getClassName().lastIndexOf('.') + 1);
        return Introspector.decapitalize(simpleName.substring(simpleName.lastIndexOf('$') + 1));
    }
}
