package io.financehub.invoice;

import io.financehub.audit.application.AuditLog;
import io.financehub.event.application.DomainEventOutbox;
import io.financehub.invoice.adapter.InvoiceCommandListener;
import io.financehub.invoice.adapter.InvoiceApiProperties;
import io.financehub.invoice.adapter.InvoiceCommandReader;
import io.financehub.invoice.adapter.InvoiceHttpApi;
import io.financehub.invoice.adapter.JdbcInvoiceRepository;
import io.financehub.invoice.adapter.JdbcTimelineReadModel;
import io.financehub.invoice.application.InvoiceRepository;
import io.financehub.invoice.application.InvoiceTimelineQuery;
import io.financehub.invoice.application.InvoiceTimelineService;
import io.financehub.invoice.application.IssueInvoiceService;
import io.financehub.invoice.application.IssueInvoiceUseCase;
import io.financehub.invoice.application.TimelineReadModel;
import io.financehub.platform.persistence.BoundedJdbcTemplate;
import io.financehub.platform.persistence.DatabaseProperties;
import io.financehub.platform.persistence.TransactionRunner;
import io.financehub.platform.web.HttpAnswers;
import io.financehub.sideeffect.application.SideEffectDispatch;
import io.financehub.sideeffect.application.SideEffectRepository;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import javax.sql.DataSource;
import java.time.Clock;

/** Invoices: issuing them (HTTP and JMS), their timeline, and the tables behind both. */
@Configuration
public class InvoiceConfiguration {

    /**
     * The invoice API waits on these (and, in the issuing transaction, on everything after the first insert, which
     * shares its connection and so its network timeout): bounded, so a stalled database is a quick 503.
     */
    @Bean
    JdbcInvoiceRepository jdbcInvoiceRepository(DataSource dataSource, DatabaseProperties database) {
        return new JdbcInvoiceRepository(new BoundedJdbcTemplate(dataSource, database.requestTimeout()));
    }

    @Bean
    JdbcTimelineReadModel jdbcTimelineReadModel(DataSource dataSource, DatabaseProperties database) {
        return new JdbcTimelineReadModel(new BoundedJdbcTemplate(dataSource, database.requestTimeout()));
    }

    @Bean
    IssueInvoiceUseCase issueInvoiceUseCase(InvoiceRepository invoices, SideEffectRepository sideEffects,
                                            SideEffectDispatch dispatch, AuditLog audit, DomainEventOutbox events,
                                            TransactionRunner tx, Clock clock) {
        return new IssueInvoiceService(invoices, sideEffects, dispatch, audit, events, tx, clock);
    }

    @Bean
    InvoiceTimelineQuery invoiceTimelineQuery(InvoiceRepository invoices, TimelineReadModel readModel) {
        return new InvoiceTimelineService(invoices, readModel);
    }

    /** One reading of the command JSON for both channels, HTTP and JMS. */
    @Bean
    InvoiceCommandReader invoiceCommandReader(ObjectMapper json) {
        return new InvoiceCommandReader(json);
    }

    /** Named for the {@code invoice-commands} route. */
    @Bean
    InvoiceCommandListener invoiceCommandListener(IssueInvoiceUseCase issueInvoice, InvoiceCommandReader reader) {
        return new InvoiceCommandListener(issueInvoice, reader);
    }

    /** Named for the {@code invoice-api} routes. */
    @Bean
    InvoiceHttpApi invoiceHttpApi(IssueInvoiceUseCase issueInvoice, InvoiceTimelineQuery timelines,
                                  InvoiceCommandReader reader, HttpAnswers answers, InvoiceApiProperties limits) {
        return new InvoiceHttpApi(issueInvoice, timelines, reader, answers, limits.maxBytes());
    }
}
