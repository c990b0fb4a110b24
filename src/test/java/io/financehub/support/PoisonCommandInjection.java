package io.financehub.support;

import io.financehub.audit.domain.CommandChannel;
import io.financehub.invoice.application.IssueInvoiceCommand;
import io.financehub.invoice.application.IssueInvoiceResult;
import io.financehub.invoice.application.IssueInvoiceUseCase;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Test-only fault: an IssueInvoice for an invoice id starting with {@value #POISON_PREFIX} fails with an unexpected
 * exception every time, standing in for a bug or a broken dependency that only some messages hit. It shows what
 * the hub does with a message it can never process but cannot classify as invalid either.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PoisonCommandInjection {

    public static final String POISON_PREFIX = "POISON-";

    @Bean
    static BeanPostProcessor poisonInvoiceCommands() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof IssueInvoiceUseCase useCase && "issueInvoiceUseCase".equals(beanName)) {
                    return new PoisonedIssueInvoice(useCase);
                }
                return bean;
            }
        };
    }

    private record PoisonedIssueInvoice(IssueInvoiceUseCase delegate) implements IssueInvoiceUseCase {

        @Override
        public IssueInvoiceResult issue(IssueInvoiceCommand command, CommandChannel channel) {
            if (command.invoiceId().startsWith(POISON_PREFIX)) {
                throw new IllegalStateException("injected fault for " + command.invoiceId());
            }
            return delegate.issue(command, channel);
        }

        @Override
        public void recordRejected(CommandChannel channel, String invoiceId, String reason) {
            delegate.recordRejected(channel, invoiceId, reason);
        }
    }
}
