package io.loupe.mqtt;

/**
 * When {@link SqliteOutbox} makes a commit reach the disk ({@code PRAGMA synchronous} in WAL mode).
 */
public enum SyncMode {
    /**
     * The default. A commit is written to the WAL file (the operating system's cache) without an fsync; the WAL is
     * synced at checkpoints. Durable against the process dying (kill -9, a crash, an OOM kill): every message
     * {@link Outbox#append} returned for is there after a restart. A power loss or kernel crash may lose the last
     * commits before the latest checkpoint (never corrupting the file).
     */
    NORMAL,
    /**
     * Every commit fsyncs the WAL before {@link Outbox#append} returns: durable against power loss as well, at the
     * cost of one fsync per group commit (on eMMC or SD cards, milliseconds each; a burst still shares one).
     */
    FULL
}
