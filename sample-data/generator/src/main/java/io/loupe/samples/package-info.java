/**
 * Loupe's sample-data generator: deterministic synthetic scenes with ground truth for the demo and the tests.
 *
 * <p>{@link io.loupe.samples.Samples} is the command line ({@code loupe samples --out DIR --seed N …}, also
 * {@code java -cp … io.loupe.samples.Samples}); it parses {@link io.loupe.samples.SamplesOptions} and hands the request
 * to the {@link io.loupe.samples.core.SceneGenerator} registered for the {@link io.loupe.samples.Domain}. Domain
 * scenes live in sub-packages ({@code defect} now; pest and gait later), shared pieces in {@code core}.
 */
package io.loupe.samples;
