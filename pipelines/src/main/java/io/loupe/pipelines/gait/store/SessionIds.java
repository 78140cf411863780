package io.loupe.pipelines.gait.store;

import java.util.regex.Pattern;

/** Session (patient pseudonym) and bout ids: 1–64 of {@code A-Z a-z 0-9 . _ -}, safe as folder and file names. */
public final class SessionIds {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private SessionIds() {
    }

    /**
     * @param what what the id is, for the message (e.g. {@code session})
     * @return the id
     * @throws IllegalArgumentException naming the value and the allowed characters
     */
    public static String check(String what, String id) {
        if (id == null || !ID.matcher(id).matches() || id.equals(".") || id.equals("..")) {
            throw new IllegalArgumentException(what + " '" + id + "' is not a valid id: use 1–64 of A-Z a-z 0-9 . _ -"
                    + " (a pseudonym, never a patient's name), not '.' or '..'");
        }
        return id;
    }
}
