package dk.fsc.shared.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import dk.fsc.shared.problem.PayloadTooLargeException;

/** Reads request bodies without letting an oversized one into memory. */
public final class RequestBodies {

    private RequestBodies() {
    }

    /** The body's bytes, or {@link PayloadTooLargeException} as soon as it passes {@code maxBytes}. */
    public static byte[] readAtMost(InputStream body, int maxBytes) {
        try {
            byte[] bytes = body.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new PayloadTooLargeException(maxBytes);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
