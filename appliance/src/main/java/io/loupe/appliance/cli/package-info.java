/**
 * The command line: {@code run} (the default), {@code validate}, {@code infer} and {@code samples}, each a
 * {@link io.loupe.appliance.cli.Command} parsing its own flags with {@link io.loupe.appliance.cli.Args}.
 */
package io.loupe.appliance.cli;
