package io.loupe.appliance.web;

/**
 * How the web server guards itself.
 *
 * @param token        the API token
 * @param protectReads whether reads of the API need it too
 */
public record WebSecurity(ApiToken token, boolean protectReads) {
}
