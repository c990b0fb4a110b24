package io.financehub.webhook.application;

import io.financehub.webhook.domain.WebhookProvider;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The registered {@link WebhookSource}s by provider, at most one each. */
final class WebhookSources {

    private final Map<WebhookProvider, WebhookSource> byProvider = new EnumMap<>(WebhookProvider.class);

    WebhookSources(List<WebhookSource> sources) {
        sources.forEach(source -> {
            if (byProvider.put(source.provider(), source) != null) {
                throw new IllegalStateException("two webhook sources for " + source.provider());
            }
        });
    }

    /** @throws IllegalStateException when the hub has no source for the provider (a wiring mistake) */
    WebhookSource of(WebhookProvider provider) {
        WebhookSource source = byProvider.get(provider);
        if (source == null) {
            throw new IllegalStateException("no webhook source for " + provider);
        }
        return source;
    }
}
