package io.financehub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.financehub.payment.adapter.StripeProperties;
import io.financehub.sms.adapter.TwilioProperties;
import io.financehub.support.HubClient;
import io.financehub.support.HubIntegrationBase;
import org.apache.camel.CamelContext;
import org.apache.camel.api.management.ManagedCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs docs/getting-started.md: every {@code bash} block in order, each in its own {@code bash -euo pipefail} that
 * starts with the variables the blocks before it exported (a reader types them into one terminal), against this
 * test's hub, asserting each exits 0 and that the state the text around it claims is there. The hub runs as the
 * walkthrough's does: sandbox vendors and no Stripe secret or Twilio token configured, so the sandbox defaults sign
 * and verify (the test profile's secrets are cleared). Needs bash, curl, openssl and jq on the PATH.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {"hub.stripe.webhook-secrets=", "hub.twilio.auth-token="})
class WalkthroughIT extends HubIntegrationBase {

    private static final Path DOC = Path.of("docs/getting-started.md");
    /** The one block not run, because it starts the hub: this test has started its own (on a random port). */
    private static final String SKIP_MARKER = "<!-- walkthrough:skip";
    private static final Pattern BLOCK = Pattern.compile("(?m)^(<!-- walkthrough:skip[^\\n]*\\n)?```bash\\n(.*?)^```$",
            Pattern.DOTALL);
    private static final String TOKEN_PLACEHOLDER = "<the generated API token>";
    private static final String PASSWORD_PLACEHOLDER = "<the generated admin password>";
    private static final String DOC_BASE_URL = "http://localhost:8080";
    /**
     * The JMX name the reader's hub has. Other Spring contexts of the suite, cached in the same JVM, may hold it
     * already: Camel then registers this hub's MBeans under another name, which the test reads instead.
     */
    private static final String DOC_MBEAN_CONTEXT = "context=hub,";
    private static final String FILLED_TIMELINE = "[\"AWAITING_PAYMENT\",\"create-payment-intent: succeeded\","
            + "\"post-invoice: succeeded\",\"sms-invoice-issued: delivered\"]";
    private static final String PAID_TIMELINE = "[\"PAID\",\"payment_intent.succeeded: processed\","
            + "\"post-invoice: succeeded\",\"post-payment: succeeded\",\"sms-invoice-issued: delivered\","
            + "\"sms-payment-receipt: delivered\"]";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CamelContext camel;

    /** A block of the document and what must hold once it ran (given its standard output). */
    private record Step(String contains, Consumer<String> then) {
    }

    @Test
    void everyCommandOfTheWalkthroughWorksAsWritten(CapturedOutput log) throws Exception {
        Process tools = start(List.of("bash", "-c", "command -v curl && command -v openssl && command -v jq"));
        assertThat(tools.waitFor(10, TimeUnit.SECONDS) && tools.exitValue() == 0)
                .as("the walkthrough needs curl, openssl and jq on the PATH (apt-get install curl openssl jq)").isTrue();
        String doc = Files.readString(DOC);
        assertThat(doc).contains(FILLED_TIMELINE, PAID_TIMELINE);
        List<String> blocks = runnableBlocks(doc);
        for (String block : blocks) {
            // a failing curl must fail its block: every call is made with -f (and -sS: quiet, errors shown)
            Matcher curl = Pattern.compile("\\bcurl\\b(\\s+\\S+)?").matcher(block);
            while (curl.find()) {
                assertThat(curl.group(1)).as("curl in %s", block).isEqualTo(" -fsS");
            }
        }

        List<Step> steps = List.of(
                new Step("export HUB=", out -> assertThat(out.strip()).isEqualTo("UP")),
                new Step("POST \"$HUB/api/invoices\"", out -> {
                    JsonNode invoice = json(out);
                    assertThat(invoice.get("invoiceId").asText()).isEqualTo("INV-1");
                    assertThat(invoice.get("status").asText()).isEqualTo("ACCEPTED");
                    assertThat(invoice.get("amountMinor").asLong()).isEqualTo(12500);
                }),
                new Step("\"$HUB/api/invoices/INV-1\"", out -> {
                    assertThat(lastLine(out)).isEqualTo(FILLED_TIMELINE);
                    JsonNode timeline = timeline();
                    assertThat(timeline.at("/payments/0/reference").asText()).startsWith("pi_sandbox_");
                    assertThat(timeline.at("/accountingPosts/0/status").asText()).isEqualTo("succeeded");
                    assertThat(timeline.at("/smsMessages/0/status").asText()).isEqualTo("delivered");
                }),
                new Step("scripts/stripe-event.sh payment_intent.succeeded INV-1", out -> {
                    assertThat(out.strip()).matches("\\{\"status\":\"accepted\",\"eventId\":\"evt_[0-9a-f]{24}\"}");
                    String eventId = json(out).get("eventId").asText();
                    assertThat(jdbc.queryForObject("SELECT type FROM webhook_events WHERE provider = 'stripe' "
                            + "AND event_id = ?", String.class, eventId)).isEqualTo("payment_intent.succeeded");
                }),
                new Step("\"PAID\"", out -> {
                    JsonNode timeline = timeline();
                    assertThat(timeline.get("status").asText()).isEqualTo("PAID");
                    List<String> stripeEvents = new ArrayList<>();
                    timeline.get("webhookEvents").forEach(e -> {
                        if (e.get("provider").asText().equals("stripe")) {
                            stripeEvents.add(e.get("type").asText() + ": " + e.get("status").asText());
                        }
                    });
                    assertThat(stripeEvents).containsExactly("payment_intent.succeeded: processed");
                    assertThat(lastLine(out)).isEqualTo(PAID_TIMELINE);
                    assertThat(statuses(timeline.get("accountingPosts"))).containsExactlyInAnyOrderEntriesOf(
                            Map.of("post-invoice", "succeeded", "post-payment", "succeeded"));
                    assertThat(statuses(timeline.get("smsMessages"))).containsExactlyInAnyOrderEntriesOf(
                            Map.of("sms-invoice-issued", "delivered", "sms-payment-receipt", "delivered"));
                }),
                new Step("/admin/webhook-events?provider=stripe", out -> {
                    // a fresh hub has this one event; other tests of this class may have added theirs
                    List<JsonNode> events = jsonStream(out).stream()
                            .filter(e -> "INV-1".equals(e.get("invoiceId").asText())).toList();
                    assertThat(events).hasSize(1);
                    assertThat(events.get(0).get("type").asText()).isEqualTo("payment_intent.succeeded");
                    assertThat(events.get(0).get("status").asText()).isEqualTo("processed");
                    assertThat(events.get(0).get("invoiceId").asText()).isEqualTo("INV-1");
                }),
                new Step("/admin/reconciliation", out -> {
                    List<JsonNode> postings = jsonStream(out);
                    assertThat(postings).extracting(p -> p.get("action").asText())
                            .containsExactlyInAnyOrder("post-invoice", "post-payment");
                    postings.forEach(p -> {
                        assertThat(p.get("state").asText()).isEqualTo("ok");
                        assertThat(p.get("expectedAmount").asText()).isNotBlank();
                        assertThat(p.get("ledger")).hasSize(1);
                    });
                }),
                new Step("/admin/sms-messages", out -> {
                    List<JsonNode> messages = jsonStream(out);
                    assertThat(messages).hasSize(2);
                    messages.forEach(m -> {
                        assertThat(m.get("status").asText()).isEqualTo("delivered");
                        assertThat(m.get("providerMessageId").asText()).isNotBlank();
                        assertThat(m.get("to").asText()).doesNotContain("1234");
                    });
                }),
                new Step("/actuator/hawtio/", out -> {
                    List<String> lines = out.strip().lines().toList();
                    assertThat(lines).hasSize(2);
                    assertThat(lines.get(0)).isEqualTo("hawtio: 200");
                    // the invoice was issued once; a repeat of the walkthrough on the same data would count it again
                    long completed = camel.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class)
                            .getManagedRoute("issue-invoice").getExchangesCompleted();
                    assertThat(completed).isGreaterThanOrEqualTo(1);
                    assertThat(Long.parseLong(lines.get(1))).as("this hub's issue-invoice route, read through Jolokia")
                            .isEqualTo(completed);
                }));
        assertThat(blocks).as("the walkthrough's commands, in order").hasSameSizeAs(steps);

        Path dir = Files.createTempDirectory("walkthrough-");
        Path exported = dir.resolve("exported.sh");
        Files.writeString(exported, "");
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            String block = blocks.get(i);
            assertThat(block).as("block %d", i + 1).contains(step.contains());
            String out = run(block, exported, dir.resolve("block-" + (i + 1) + ".sh"));
            step.then().accept(out);
        }

        // the values the text shows the reader, logged at start because nothing was configured
        assertThat(log.getAll()).contains("HUB_STRIPE_WEBHOOK_SECRETS is not set; Stripe sandbox mode verifies "
                + "webhooks with the sandbox secret: " + StripeProperties.SANDBOX_WEBHOOK_SECRET);
        assertThat(log.getAll()).contains("HUB_TWILIO_AUTH_TOKEN is not set; Twilio sandbox mode signs and verifies "
                + "status callbacks with the sandbox token: " + TwilioProperties.SANDBOX_AUTH_TOKEN);
        assertThat(doc).contains(StripeProperties.SANDBOX_WEBHOOK_SECRET, TwilioProperties.SANDBOX_AUTH_TOKEN);
    }

    /** The script's other event types, which the walkthrough names without running them. */
    @Test
    void theScriptAlsoSendsFailedPaymentsAndRefunds() throws Exception {
        issue("INV-WT-FAILED");
        issue("INV-WT-REFUND");
        String failed = script("payment_intent.payment_failed", "INV-WT-FAILED");
        String paid = script("payment_intent.succeeded", "INV-WT-REFUND");
        awaitWebhook(json(paid).get("eventId").asText());
        String refunded = script("charge.refunded", "INV-WT-REFUND", "2500");

        awaitWebhook(json(failed).get("eventId").asText());
        awaitWebhook(json(refunded).get("eventId").asText());
        assertThat(invoiceStatus("INV-WT-FAILED")).isEqualTo("PAYMENT_FAILED");
        // the charge names no invoice: the hub found it by the sandbox PaymentIntent id the script derived
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM idempotency_keys WHERE invoice_id = ? "
                + "AND action = 'post-refund'", Integer.class, "INV-WT-REFUND")).isEqualTo(1);
    }

    @Test
    void theScriptRefusesWhatItCannotSend() throws Exception {
        assertThat(exitCode(List.of("scripts/stripe-event.sh", "customer.created", "INV-1"))).isEqualTo(2);
        assertThat(exitCode(List.of("scripts/stripe-event.sh", "payment_intent.succeeded", "INV 1"))).isEqualTo(2);
        assertThat(exitCode(List.of("scripts/stripe-event.sh", "payment_intent.succeeded"))).isEqualTo(2);
        // signed with another secret: the hub answers 400 invalid_signature and the script fails
        assertThat(exitCode(List.of("env", "HUB_STRIPE_WEBHOOK_SECRETS=whsec_other", "scripts/stripe-event.sh",
                "payment_intent.succeeded", "INV-1"))).isEqualTo(22);
    }

    private List<String> runnableBlocks(String doc) {
        List<String> runnable = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Matcher block = BLOCK.matcher(doc);
        while (block.find()) {
            (block.group(1) != null ? skipped : runnable).add(block.group(2));
        }
        assertThat(skipped).as("only the block that starts the hub is skipped").hasSize(1);
        assertThat(skipped.get(0).strip()).isEqualTo("./mvnw spring-boot:run");
        assertThat(doc.split(Pattern.quote(SKIP_MARKER), -1)).hasSize(2);
        String all = String.join("\n", runnable);
        assertThat(all).contains(DOC_BASE_URL, TOKEN_PLACEHOLDER, PASSWORD_PLACEHOLDER, DOC_MBEAN_CONTEXT);
        String mbeanContext = "context=" + camel.getManagementName() + ",";
        return runnable.stream().map(b -> b.replace(DOC_BASE_URL, baseUrl()).replace(DOC_MBEAN_CONTEXT, mbeanContext)
                .replace(TOKEN_PLACEHOLDER, API_TOKEN).replace(PASSWORD_PLACEHOLDER, ADMIN_PASSWORD)).toList();
    }

    /** Runs one block after the variables the earlier ones exported; returns its standard output. */
    private String run(String block, Path exported, Path file) throws Exception {
        Files.writeString(file, "set -euo pipefail\nsource " + exported + "\n" + block + "\nexport -p > " + exported
                + "\n");
        Process bash = start(List.of("bash", file.toString()));
        boolean done = bash.waitFor(90, TimeUnit.SECONDS);
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(bash.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(done).as("finished within 90 s: %s", block).isTrue();
        assertThat(bash.exitValue()).as("exit status of%n%s%nstdout:%n%s%nstderr:%n%s", block, out, err).isZero();
        return out;
    }

    private Process start(List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
        Map<String, String> env = builder.environment();
        // nothing from the machine running the test: the blocks get what the walkthrough gives them
        env.keySet().removeIf(name -> name.startsWith("HUB_") || List.of("HUB", "TOKEN", "ADMIN").contains(name));
        Process process = builder.start();
        process.getOutputStream().close();
        return process;
    }

    private String script(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("scripts/stripe-event.sh"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("HUB_"));
        builder.environment().put("HUB", baseUrl());
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("%s: %s %s", command, out,
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        return out;
    }

    private int exitCode(List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("HUB_"));
        builder.environment().put("HUB", baseUrl());
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    private void issue(String invoiceId) {
        assertThat(hub().postInvoice(HubClient.invoiceJson(invoiceId, "USD", 12500,
                "+15551234567")).statusCode()).isEqualTo(202);
    }

    private void awaitWebhook(String eventId) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(jdbc.queryForObject("SELECT status FROM webhook_events WHERE event_id = ?", String.class,
                        eventId)).isEqualTo("processed"));
    }

    private String invoiceStatus(String invoiceId) throws IOException {
        return JSON.readTree(hub().getApi("/api/invoices/" + invoiceId).body()).get("status").asText();
    }

    private JsonNode timeline() {
        return json(hub().getApi("/api/invoices/INV-1").body());
    }

    private static Map<String, String> statuses(JsonNode entries) {
        Map<String, String> byAction = new HashMap<>();
        entries.forEach(e -> byAction.put(e.get("action").asText(), e.get("status").asText()));
        return byAction;
    }

    private static String lastLine(String out) {
        List<String> lines = out.strip().lines().toList();
        return lines.get(lines.size() - 1);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    /** jq prints one JSON value after another. */
    private static List<JsonNode> jsonStream(String text) {
        try (MappingIterator<JsonNode> values = JSON.readerFor(JsonNode.class).readValues(text)) {
            return values.readAll();
        } catch (IOException e) {
            throw new AssertionError("not a stream of JSON values: " + text, e);
        }
    }
}
