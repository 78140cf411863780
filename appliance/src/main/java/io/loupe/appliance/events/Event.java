package io.loupe.appliance.events;

import java.time.Instant;

/**
 * One thing worth seeing on the page.
 *
 * @param id      increasing number, so a client asks for what is newer than it has
 * @param at      when it happened
 * @param kind    what it is about
 * @param subject the camera or pipeline id ({@code mqtt} for the link)
 * @param text    what happened, in words
 * @param alarm   true for a bad thing (NG, offline, lost, error), false for a recovery or a plain fact
 * @param link    a page-relative link to the evidence (the saved NG image), or null
 */
public record Event(long id, Instant at, EventKind kind, String subject, String text, boolean alarm, String link) {
}
