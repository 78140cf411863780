package io.loupe.camera;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a consumer's {@link Mailbox} does when frames arrive faster than the consumer takes them.
 *
 * <p>Written in configuration as {@code latest}, {@code queue(N)}, {@code all} or {@code all(N)}; see {@link #parse}.
 */
public sealed interface MailboxPolicy {

    /** Default capacity of {@link All} when none is given. */
    int DEFAULT_ALL_CAPACITY = 4;

    /** Most frames the mailbox holds before it drops (or, for {@link All}, makes the camera wait). */
    int capacity();

    /** Keep only the newest frame; an untaken older one is dropped. For live cameras. */
    record Latest() implements MailboxPolicy {
        @Override
        public int capacity() {
            return 1;
        }

        @Override
        public String toString() {
            return "latest";
        }
    }

    /** Keep up to {@code capacity} frames; when full, drop the oldest. */
    record Queue(int capacity) implements MailboxPolicy {
        public Queue {
            requirePositive("queue", capacity);
        }

        @Override
        public String toString() {
            return "queue(" + capacity + ")";
        }
    }

    /** Never drop: when {@code capacity} frames wait, the capture thread waits too. For replaying files. */
    record All(int capacity) implements MailboxPolicy {
        public All {
            requirePositive("all", capacity);
        }

        @Override
        public String toString() {
            return "all(" + capacity + ")";
        }
    }

    /**
     * Reads a policy as written in configuration: {@code latest}, {@code queue(N)}, {@code all} (capacity
     * {@value #DEFAULT_ALL_CAPACITY}) or {@code all(N)}, N >= 1; case and blanks around it are ignored.
     *
     * @throws IllegalArgumentException naming the value and the accepted forms when it is none of them
     */
    static MailboxPolicy parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("mailbox policy is missing; " + accepted());
        }
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.equals("latest")) {
            return new Latest();
        }
        if (value.equals("all")) {
            return new All(DEFAULT_ALL_CAPACITY);
        }
        Matcher m = Pattern.compile("(queue|all)\\s*\\(\\s*(\\d+)\\s*\\)").matcher(value);
        if (m.matches()) {
            int capacity;
            try {
                capacity = Integer.parseInt(m.group(2));
            } catch (NumberFormatException e) {
                capacity = 0;
            }
            if (capacity < 1) {
                throw new IllegalArgumentException("mailbox policy '" + text + "' has capacity " + m.group(2)
                        + "; use a whole number from 1 to " + Integer.MAX_VALUE + ", e.g. " + m.group(1) + "(8)");
            }
            return m.group(1).equals("queue") ? new Queue(capacity) : new All(capacity);
        }
        if (value.equals("queue")) {
            throw new IllegalArgumentException("mailbox policy 'queue' needs a capacity, e.g. queue(8); "
                    + accepted());
        }
        throw new IllegalArgumentException("mailbox policy '" + text + "' is not known; " + accepted());
    }

    private static void requirePositive(String kind, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("mailbox policy " + kind + "(" + capacity
                    + ") needs a capacity of at least 1");
        }
    }

    private static String accepted() {
        return "accepted: latest, queue(N), all, all(N) with N >= 1";
    }
}
