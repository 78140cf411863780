package io.loupe.camera;

import org.bytedeco.opencv.opencv_core.Mat;

import java.time.Duration;

/**
 * One camera stream, file or pattern, read by exactly one capture thread.
 *
 * <p>Lifecycle: {@link #open()} once, then {@link #read} until it returns {@link ReadStatus#END} or the owner stops,
 * then {@link #close()}. A source that failed may be opened again after {@code close()} (reconnect).
 *
 * <p>{@link #read} must come back within about its timeout, because the capture loop detects stalls and stop
 * requests between reads. A network source cannot always cut a native read short without breaking the stream: it
 * comes back within its own I/O timeout at the latest (then the stream counts as stalled and {@code read} throws).
 * When the reading thread is interrupted during a wait, a source restores the interrupt flag and returns
 * {@link ReadStatus#TIMEOUT}.
 */
public interface FrameSource extends AutoCloseable {

    /**
     * Connects and negotiates the stream.
     *
     * @return what was negotiated (size, fps, codec)
     * @throws CameraException when the stream cannot be opened; the message names the URL and the likely fix
     */
    SourceInfo open() throws CameraException;

    /**
     * Decodes the next frame into {@code dst} as 8-bit BGR, reallocating {@code dst} only when the size changes.
     *
     * @param dst     destination, reused across calls
     * @param timeout how long to wait for a frame before returning {@link ReadStatus#TIMEOUT}
     * @return whether a frame was written, the wait timed out, or the stream ended
     * @throws CameraException when the stream broke (the capture loop reconnects)
     */
    ReadStatus read(Mat dst, Duration timeout) throws CameraException;

    /** Presentation time of the last frame read, in microseconds from stream start, or -1 when the stream has none. */
    long lastPtsMicros();

    /**
     * What the last frame cost to produce: demuxing, decoding and conversion to BGR, in nanoseconds, without time spent
     * waiting for data or pacing. -1 when the source cannot tell (the camera then times the whole {@link #read}).
     */
    default long lastDecodeNanos() {
        return -1;
    }

    /** Releases the stream. Idempotent; never throws. */
    @Override
    void close();
}
