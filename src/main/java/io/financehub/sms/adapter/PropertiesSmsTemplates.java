package io.financehub.sms.adapter;

import io.financehub.sms.application.SmsTemplates;
import io.financehub.invoice.domain.Invoice;
import io.financehub.sideeffect.domain.SideEffect;
import io.financehub.sideeffect.domain.SideEffectAction;

import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SMS texts from a properties file ({@code hub.sms.templates}, one entry per SMS action such as
 * {@code sms-invoice-issued}), with {@code {field}} placeholders. Every template is checked when the hub starts:
 * a missing template or an unknown placeholder stops the start instead of failing a send later.
 */
public class PropertiesSmsTemplates implements SmsTemplates {

    static final Set<String> FIELDS = Set.of("invoiceId", "customerName", "amount", "description", "refundAmount");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private final Map<SideEffectAction, String> templates = new EnumMap<>(SideEffectAction.class);

    public PropertiesSmsTemplates(Properties properties) {
        for (SideEffectAction action : SideEffectAction.values()) {
            if (action.channel() != io.financehub.sideeffect.domain.SideEffectChannel.SMS) {
                continue;
            }
            String text = properties.getProperty(action.keyPart());
            if (text == null || text.isBlank()) {
                throw new IllegalStateException("SMS template " + action.keyPart() + " is missing");
            }
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                if (!FIELDS.contains(m.group(1))) {
                    throw new IllegalStateException("SMS template " + action.keyPart() + " refers to unknown field {"
                            + m.group(1) + "}; known fields: " + FIELDS);
                }
            }
            templates.put(action, text);
        }
    }

    @Override
    public RenderedSms render(SideEffect effect, Invoice invoice) {
        String template = templates.get(effect.action());
        if (template == null) {
            throw new IllegalArgumentException(effect.action() + " is not an SMS action");
        }
        Map<String, String> values = Map.of(
                "invoiceId", invoice.invoiceId(),
                "customerName", invoice.customer().name() == null ? "" : invoice.customer().name(),
                "amount", invoice.amount().display(),
                "description", invoice.description() == null ? "" : invoice.description(),
                "refundAmount", effect.parameters().containsKey("amountMinor")
                        ? new io.financehub.invoice.domain.Money(effect.parameterAsLong("amountMinor"),
                        invoice.amount().currency()).display() : "");
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.get(m.group(1))));
        }
        m.appendTail(out);
        return new RenderedSms(effect.action().keyPart(), out.toString());
    }
}
