"""Reads Loupe's generated scenes (`loupe samples` / the generator module's `Samples`): frames and ground truth.

Frames are decoded from the scene's video with Debian's `ffmpeg`, so training and evaluation see exactly what the
appliance decodes (H.264 artefacts included), and letterboxed as the appliance does for a 640x640 Ultralytics-style
input: centred, gray 114 (a 640x480 frame gets 80 rows above and below).
"""

import json
import pathlib
import subprocess

import numpy as np

INPUT = 640
PAD_GRAY = 114


def ground_truth(scene):
    return json.loads((pathlib.Path(scene) / "ground-truth.json").read_text())


def frames(scene, step=1, start=0):
    """Yields (index, RGB uint8 [H, W, 3]) for every `step`-th frame from `start` of the scene's video."""
    scene = pathlib.Path(scene)
    video = ground_truth(scene)["video"]
    yield from video_frames(scene / video["file"], video["width"], video["height"], step, start)


def video_frames(path, w, h, step=1, start=0):
    """Yields (index, RGB uint8 [h, w, 3]) for every `step`-th frame from `start` of a video decoded by ffmpeg."""
    cmd = ["ffmpeg", "-v", "error", "-i", str(path), "-f", "rawvideo", "-pix_fmt", "rgb24", "-"]
    with subprocess.Popen(cmd, stdout=subprocess.PIPE) as proc:
        size, index = w * h * 3, 0
        while True:
            raw = proc.stdout.read(size)
            if len(raw) < size:
                return
            if index >= start and (index - start) % step == 0:
                yield index, np.frombuffer(raw, np.uint8).reshape(h, w, 3)
            index += 1


def letterbox_offsets(w, h, size=INPUT):
    """(scale, left, top) of the centred letterbox of a w x h image into size x size (Ultralytics rounding)."""
    scale = min(size / w, size / h)
    nw, nh = round(w * scale), round(h * scale)
    return scale, round((size - nw) / 2 - 0.1), round((size - nh) / 2 - 0.1)


def letterbox(rgb, size=INPUT):
    """RGB uint8 [H, W, 3] -> canvas uint8 [size, size, 3] (only same-scale frames: no resampling here)."""
    h, w = rgb.shape[:2]
    scale, left, top = letterbox_offsets(w, h, size)
    if scale != 1.0:
        raise ValueError(f"frame {w}x{h} needs resizing to fit {size}x{size}; these scripts expect 640-wide frames")
    canvas = np.full((size, size, 3), PAD_GRAY, np.uint8)
    canvas[top:top + h, left:left + w] = rgb
    return canvas


def xyxy(box):
    x, y, w, h = box
    return [x, y, x + w, y + h]


def part_crops(scene, step=1, margin=8, verdicts=("OK", "NG")):
    """Yields (frame index, part id, verdict, crop uint8 RGB, box in the crop [x1, y1, x2, y2]) for every part wholly in
    view, every `step`-th frame; the crop is the part's box plus `margin` pixels where the frame allows."""
    truth = ground_truth(scene)
    verdict = {p["id"]: p["verdict"] for p in truth["parts"]}
    for index, rgb in frames(scene, step):
        h, w = rgb.shape[:2]
        for part in truth["frames"][index]["parts"]:
            if part["truncated"] or verdict[part["id"]] not in verdicts:
                continue
            x1, y1, x2, y2 = xyxy(part["box"])
            cx1, cy1, cx2, cy2 = max(0, x1 - margin), max(0, y1 - margin), min(w, x2 + margin), min(h, y2 + margin)
            yield (index, part["id"], verdict[part["id"]], rgb[cy1:cy2, cx1:cx2].copy(),
                   [x1 - cx1, y1 - cy1, x2 - cx1, y2 - cy1])


def locate_still_part(rgb, bright=125, min_count=6):
    """The box [x1, y1, x2, y2] of the one part on a good-part still (`--good N`): parts are brighter than the belt
    (max channel > `bright`); only the rows of the belt between the rails (which are bright across the width) are
    searched. None when no part is found."""
    mask = rgb.max(2) > bright
    belt = np.nonzero(mask.mean(1) < 0.35)[0]  # a part is at most 27 % of the width; a rail row is bright across
    if len(belt) == 0:
        return None
    splits = np.split(belt, np.nonzero(np.diff(belt) > 1)[0] + 1)
    run = max(splits, key=len)
    mask[:run[0] + 3] = False
    mask[run[-1] - 2:] = False
    cols = np.nonzero(mask.sum(0) >= min_count)[0]
    rows = np.nonzero(mask.sum(1) >= min_count)[0]
    if len(cols) == 0 or len(rows) == 0:
        return None

    def longest_run(idx):
        splits = np.split(idx, np.nonzero(np.diff(idx) > 2)[0] + 1)
        run = max(splits, key=len)
        return int(run[0]), int(run[-1]) + 1

    x1, x2 = longest_run(cols)
    y1, y2 = longest_run(rows)
    return [x1, y1, x2, y2]
