package io.financehub.support;

import com.github.tomakehurst.wiremock.WireMockServer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A cold WireMock answers its first requests slowly (Jetty and the matching engine warm up): tests that judge a
 * read timeout send a few throw-away requests first, so only the delays they stub are slow.
 */
public final class WireMockWarmUp {

    private WireMockWarmUp() {
    }

    public static void warmUp(WireMockServer server) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (int i = 0; i < 5; i++) {
            try {
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/warm-up"))
                                .POST(HttpRequest.BodyPublishers.ofString("To=%2B1&Body=x")).build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                throw new IllegalStateException("WireMock does not answer", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        server.resetRequests();
    }
}
