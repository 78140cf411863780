/**
 * Local storage of the gait pipeline's keypoints (personal data): per-session folders, retention by age, delete by
 * session, written off the worker thread.
 */
package io.loupe.pipelines.gait.store;
