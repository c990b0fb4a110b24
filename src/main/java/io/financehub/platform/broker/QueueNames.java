package io.financehub.platform.broker;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every queue address of the hub, the one place they are spelled: the anycast queues and {@link #EVENTS}, the one
 * multicast address (a JMS topic). Java code uses the constants and methods here; the
 * YAML routes write {@code {{queue:<key>}}} ({@link QueueAddressFunction}) with the keys of {@link #byKey}. The
 * addresses themselves are what outside JMS clients see: they never change.
 */
public final class QueueNames {

    public static final String INVOICE_COMMANDS = "hub.invoice.commands";
    public static final String INVOICE_COMMANDS_REJECTED = "hub.invoice.commands.rejected";
    public static final String DEAD_LETTERS = "hub.dead-letters";
    public static final String SANDBOX_SMS_STATUS_CALLBACKS = "hub.sandbox.sms-status-callbacks";
    /**
     * The domain events (a multicast address, {@code jms:topic:{{queue:events}}}): each subscription, durable and
     * shared per flow, gets its own copy; the hub itself declares no queue on it.
     */
    public static final String EVENTS = "hub.events";

    private static final String SIDE_EFFECTS = "hub.side-effects.";
    private static final String WEBHOOKS = "hub.webhooks.";
    /** The side-effect channels and webhook providers, as their queue names spell them. */
    private static final String[] CHANNELS = {"payments", "accounting", "sms"};
    private static final String[] PROVIDERS = {"stripe", "twilio"};

    private static final Map<String, String> BY_KEY = new LinkedHashMap<>();

    static {
        BY_KEY.put("invoice-commands", INVOICE_COMMANDS);
        BY_KEY.put("invoice-commands-rejected", INVOICE_COMMANDS_REJECTED);
        BY_KEY.put("dead-letters", DEAD_LETTERS);
        BY_KEY.put("sandbox-sms-status-callbacks", SANDBOX_SMS_STATUS_CALLBACKS);
        BY_KEY.put("events", EVENTS);
        for (String channel : CHANNELS) {
            BY_KEY.put("side-effects-" + channel, SIDE_EFFECTS + channel);
        }
        for (String provider : PROVIDERS) {
            BY_KEY.put("webhooks-" + provider, WEBHOOKS + provider);
        }
    }

    private QueueNames() {
    }

    /** The queue of a side-effect channel ({@code payments}, {@code accounting}, {@code sms}). */
    public static String sideEffects(String channel) {
        return known(SIDE_EFFECTS + channel);
    }

    /** The queue of a webhook provider's stored events ({@code stripe}, {@code twilio}). */
    public static String webhooks(String provider) {
        return known(WEBHOOKS + provider);
    }

    /** The route placeholders' keys and the addresses they stand for. */
    public static Map<String, String> byKey() {
        return Map.copyOf(BY_KEY);
    }

    /** Every anycast queue (each an address with one queue of its name), for the embedded broker to create. */
    public static Collection<String> all() {
        return BY_KEY.values().stream().filter(address -> !multicast().contains(address)).toList();
    }

    /** The multicast addresses (JMS topics), for the embedded broker to create without queues. */
    public static Collection<String> multicast() {
        return List.of(EVENTS);
    }

    private static String known(String address) {
        if (!BY_KEY.containsValue(address)) {
            throw new IllegalArgumentException("the hub has no queue " + address);
        }
        return address;
    }
}
