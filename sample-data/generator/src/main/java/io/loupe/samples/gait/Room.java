package io.loupe.samples.gait;

/**
 * The room a walk happens in, in the same coordinates as the walk: floor at z = 0.
 *
 * @param minX   left wall (frontal view) or far left end of the back wall (side view)
 * @param maxX   right wall or far right end
 * @param nearY  where the floor starts in front of the camera
 * @param backY  the back wall
 * @param height ceiling height
 * @param view   which view the room is laid out for: side walls only in the frontal view
 */
public record Room(double minX, double maxX, double nearY, double backY, double height, View view) {
}
