/**
 * The outbox benchmark ({@link io.loupe.mqtt.bench.OutboxBench}: durable throughput to a local Mosquitto, append
 * latency) and {@link io.loupe.mqtt.bench.LocalMosquitto}, which starts Debian's Mosquitto on a free loopback port for
 * the benchmark and the tests.
 */
package io.loupe.mqtt.bench;
