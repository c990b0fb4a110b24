package io.financehub.platform.web;

import jakarta.servlet.http.HttpServletRequest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body as raw bytes, never more than a limit: a declared {@code Content-Length} over it is refused
 * before reading, and a chunked body is counted as it arrives and refused at the first byte past it. Used by every
 * endpoint that takes a body from outside (webhooks, invoice commands), so none of them can be made to buffer an
 * unbounded request in memory.
 */
public final class BoundedBody {

    private BoundedBody() {
    }

    /** @throws TooLargeException when the body is longer than {@code maxBytes} */
    public static byte[] read(HttpServletRequest request, int maxBytes) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            throw new TooLargeException();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
        byte[] buffer = new byte[8192];
        InputStream in = request.getInputStream();
        long total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            total += n;
            if (total > maxBytes) {
                throw new TooLargeException();
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** The body is over the limit; nothing of it was kept. */
    public static final class TooLargeException extends RuntimeException {
        TooLargeException() {
            super(null, null, false, false);
        }
    }
}
