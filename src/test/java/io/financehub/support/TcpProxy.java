package io.financehub.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy in front of a database server that a test can take away: {@link #stall()} keeps every connection
 * (and accepts new ones) but forwards no byte — a frozen server, a network black hole, a fail-over in progress —
 * and {@link #down()} closes every connection and the port itself — a server that was killed. {@link #restore()}
 * forwards again on the same port.
 */
public final class TcpProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Object gate = new Object();
    private boolean stalled;
    private volatile ServerSocket server;

    private TcpProxy(String targetHost, int targetPort, int port) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.port = port;
    }

    /** A proxy on a free local port, forwarding to {@code targetHost:targetPort}. */
    public static TcpProxy start(String targetHost, int targetPort) {
        TcpProxy proxy = new TcpProxy(targetHost, targetPort, HubIntegrationBase.freePort());
        proxy.listen();
        return proxy;
    }

    public int port() {
        return port;
    }

    /** Connections stay open, new ones are accepted, nothing is forwarded until {@link #restore()}. */
    public void stall() {
        synchronized (gate) {
            stalled = true;
        }
    }

    /** Every connection is closed and new ones are refused until {@link #restore()}. */
    public void down() {
        closeServer();
        sockets.forEach(TcpProxy::closeQuietly);
        sockets.clear();
    }

    /** Forwards again: held bytes flow on, and the port accepts connections again. */
    public void restore() {
        synchronized (gate) {
            stalled = false;
            gate.notifyAll();
        }
        if (server == null || server.isClosed()) {
            listen();
        }
    }

    @Override
    public void close() {
        down();
        restoreGate();
    }

    private void restoreGate() {
        synchronized (gate) {
            stalled = false;
            gate.notifyAll();
        }
    }

    private void listen() {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 100);
            server = socket;
            daemon("tcp-proxy-accept-" + port, () -> accept(socket));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException e) {
                return;
            }
            try {
                Socket upstream = new Socket(targetHost, targetPort);
                sockets.add(client);
                sockets.add(upstream);
                daemon("tcp-proxy-up", () -> pipe(client, upstream));
                daemon("tcp-proxy-down", () -> pipe(upstream, client));
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        byte[] buffer = new byte[16384];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                awaitForwarding();
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed: close the other
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            sockets.remove(from);
            sockets.remove(to);
        }
    }

    private void awaitForwarding() throws InterruptedException {
        synchronized (gate) {
            while (stalled) {
                gate.wait();
            }
        }
    }

    private void closeServer() {
        ServerSocket socket = server;
        if (socket != null) {
            closeQuietly(socket);
        }
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // already closed
        }
    }
}
