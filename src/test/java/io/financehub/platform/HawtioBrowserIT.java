package io.financehub.platform;

import io.financehub.support.HeadlessChromium;
import io.financehub.support.HubIntegrationBase;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * hawtio as an operator sees it, in a real browser: headless Chromium opens {@code /actuator/hawtio} with the viewer
 * account (the least role that may see hawtio), opens the Camel tab, finds every route of this hub in the tree and
 * in the routes table, and draws one route's diagram, whose nodes hawtio builds from {@code dumpRoutesAsXml} over
 * Jolokia (a read-only operation the viewer may call). The screenshots land in {@code target/hawtio/}; the README
 * shows a copy.
 */
class HawtioBrowserIT extends HubIntegrationBase {

    static final Path SCREENSHOTS = Path.of("target", "hawtio");
    /** A route with steps of its own and the shared error handling around them. */
    static final String DIAGRAM_ROUTE = "payments-worker";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern NODE_ID = Pattern.compile("\\(ID: ([^)]+)\\)");

    @Autowired
    CamelContext camel;

    @Test
    void theCamelTabListsEveryRouteAndDrawsARouteDiagram() throws IOException {
        // routes a kamelet creates (hub-side-effect-attempt-N) have no MBean (Camel registers none by default), so
        // hawtio cannot list them; they show as the kamelet: step of the routes that call them
        List<String> routeIds = camel.getRoutes().stream().filter(r -> !r.isCreatedByKamelet())
                .map(Route::getRouteId).sorted().toList();
        assertThat(routeIds).contains("payments-worker", "invoice-commands", "stripe-webhook-intake",
                "twilio-webhook-intake", "issue-invoice", "invoice-timeline", "outbox-relay");
        List<String> diagramStepIds = stepIds(DIAGRAM_ROUTE);

        // a screenshot of this run's failure only
        Files.deleteIfExists(SCREENSHOTS.resolve("failure.png"));
        ChromeDriver browser = HeadlessChromium.start();
        try {
            WebDriverWait wait = new WebDriverWait(browser, TIMEOUT);
            HeadlessChromium.sendBasicCredentials(browser, VIEWER_USER, VIEWER_PASSWORD);
            browser.get(baseUrl() + "/actuator/hawtio/");

            // hawtio shows its own login form when its calls are refused; with the credentials it opens the console
            wait.until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//nav[@aria-label='Global']//a[normalize-space()='Camel']"))).click();

            // the test JVM may hold other hubs' Camel contexts too: this hub's is the one under its management name
            String context = "//li[@role='treeitem'][" + nodeText(camel.getManagementName()) + "]";
            expand(wait, context);
            String routesFolder = context + "//li[@role='treeitem'][" + nodeText("routes") + "]";
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath(routesFolder + textButton()))).click();

            waitForAll(browser, "routes in the tree", routeIds,
                    () -> texts(browser, By.xpath(routesFolder + "/ul/li" + textButton())));
            waitForAll(browser, "routes in the table", routeIds, () -> firstCells(browser));
            HeadlessChromium.screenshot(browser, SCREENSHOTS.resolve("camel-routes.png"));

            String route = routesFolder + "/ul/li[" + nodeText(DIAGRAM_ROUTE) + "]";
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath(route + textButton()))).click();
            wait.until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//main//a[normalize-space()='Route Diagram']"))).click();

            // every step of the route is a node of the graph, labelled with its id, and the edges join them
            waitForAll(browser, "steps of " + DIAGRAM_ROUTE + " in its diagram", diagramStepIds,
                    () -> diagramNodeIds(browser));
            wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(
                    By.cssSelector("svg path.react-flow__edge-path"), diagramStepIds.size() - 2));
            HeadlessChromium.screenshot(browser, SCREENSHOTS.resolve("route-diagram.png"));

            assertThat(browser.findElement(By.xpath("//main//h1")).getText()).isEqualTo(DIAGRAM_ROUTE);
        } catch (RuntimeException | AssertionError e) {
            // what the browser showed when it went wrong: hawtio's login form, an error page, a half-drawn tree
            try {
                HeadlessChromium.screenshot(browser, SCREENSHOTS.resolve("failure.png"));
            } catch (RuntimeException screenshotFailed) {
                e.addSuppressed(screenshotFailed);
            }
            throw e;
        } finally {
            browser.quit();
        }
    }

    /** Waits until the page shows every expected text; on timeout the message names the missing ones. */
    private static void waitForAll(ChromeDriver browser, String what, Collection<String> expected,
                                   Supplier<Set<String>> shown) {
        Set<String> last = new TreeSet<>();
        WebDriverWait wait = new WebDriverWait(browser, TIMEOUT);
        wait.withMessage(() -> what + ": missing " + expected.stream().filter(e -> !last.contains(e)).toList()
                + ", shown " + last);
        wait.until(b -> {
            last.clear();
            last.addAll(shown.get());
            return last.containsAll(expected);
        });
    }

    /** The ids of the route's input and of every step in it, as Camel assigned them (hawtio shows the same). */
    private List<String> stepIds(String routeId) {
        RouteDefinition route = ((ModelCamelContext) camel).getRouteDefinition(routeId);
        List<String> ids = new ArrayList<>();
        ids.add(route.getInput().getId());
        collect(route.getOutputs(), ids);
        assertThat(ids).as("steps of %s", routeId).hasSizeGreaterThan(2).doesNotContainNull();
        return ids;
    }

    private static void collect(List<ProcessorDefinition<?>> steps, List<String> ids) {
        for (ProcessorDefinition<?> step : steps) {
            ids.add(step.getId());
            collect(step.getOutputs(), ids);
        }
    }

    /** Expands a tree node unless hawtio has already (it does when there is a single Camel context). */
    private static void expand(WebDriverWait wait, String treeItem) {
        WebElement item = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(treeItem)));
        if (!"true".equals(item.getAttribute("aria-expanded"))) {
            item.findElement(By.xpath("./div//button[contains(@class, 'tree-view__node-toggle')]")).click();
        }
    }

    private static String nodeText(String text) {
        return "div//button[contains(@class, 'tree-view__node-text')][normalize-space()='" + text + "']";
    }

    private static String textButton() {
        return "/div//button[contains(@class, 'tree-view__node-text')]";
    }

    private static Set<String> texts(ChromeDriver browser, By locator) {
        Set<String> texts = new TreeSet<>();
        for (WebElement element : browser.findElements(locator)) {
            texts.add(element.getText().trim());
        }
        return texts;
    }

    /** The Name column of the routes table. */
    private static Set<String> firstCells(ChromeDriver browser) {
        return texts(browser, By.xpath("//main//table/tbody/tr/td[@data-label='Name']"));
    }

    private static Set<String> diagramNodeIds(ChromeDriver browser) {
        Set<String> ids = new TreeSet<>();
        for (WebElement node : browser.findElements(By.cssSelector(".react-flow__node"))) {
            // the text in the DOM: a node below the drawing's visible area is clipped, and Selenium's getText is empty
            Matcher id = NODE_ID.matcher(String.valueOf(node.getDomProperty("textContent")));
            while (id.find()) {
                ids.add(id.group(1).trim());
            }
        }
        return ids;
    }
}
