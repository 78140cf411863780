package io.loupe.mqtt;

/**
 * Marks a payload as replayed: sent again after it waited in the outbox while the link was disconnected (or was in
 * flight when the connection died). A JSON object payload — first and last non-blank bytes {@code {} and
 * {@code }} — gets {@code "replayed":true,} inserted right after its opening brace ({@code {}} becomes
 * {@code {"replayed":true}}); anything else (the plain-text status, binary payloads) is sent as it is. Producers must
 * not write a {@code replayed} key themselves.
 */
final class Replay {

    private static final byte[] MARK = "\"replayed\":true".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private Replay() {
    }

    /** The payload with the mark, or the same array when it is not a JSON object. */
    static byte[] mark(byte[] payload) {
        int first = 0;
        while (first < payload.length && blank(payload[first])) {
            first++;
        }
        int last = payload.length - 1;
        while (last > first && blank(payload[last])) {
            last--;
        }
        if (first >= last || payload[first] != '{' || payload[last] != '}') {
            return payload;
        }
        int next = first + 1;
        while (next < last && blank(payload[next])) {
            next++;
        }
        boolean empty = next == last;
        byte[] out = new byte[payload.length + MARK.length + (empty ? 0 : 1)];
        System.arraycopy(payload, 0, out, 0, first + 1);
        System.arraycopy(MARK, 0, out, first + 1, MARK.length);
        int at = first + 1 + MARK.length;
        if (!empty) {
            out[at++] = ',';
        }
        System.arraycopy(payload, first + 1, out, at, payload.length - first - 1);
        return out;
    }

    private static boolean blank(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }
}
