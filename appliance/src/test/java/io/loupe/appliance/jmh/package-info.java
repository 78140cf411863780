/**
 * JMH benchmarks of the hot pieces: letterbox + blob, YOLOv8 decode + NMS of an 8400 x 80 head, the tiling merge and
 * the durable outbox's append. They compile with the tests but run only in the {@code bench} profile:
 * {@code ./mvnw -B -Pbench -pl appliance -am test -DskipTests} (JMH options in {@code -Djmh.args="…"}). Results and
 * how they were measured are in PERFORMANCE.md.
 */
package io.loupe.appliance.jmh;
