#!/usr/bin/python3
"""Measures a YOLOv8-format pest detector (ONNX) on a generated sticky-trap scene: per-species precision, recall and
AP@0.5 on its 640x640 tiles, and per-species count error on the full-size captures with sliced inference.

    /usr/bin/python3 models/training/evaluate_pest_detector.py --scene /tmp/loupe-train/pest-2002 \
        [--model models/zoo/pest-detector.onnx] [--conf 0.5] [--update-manifest]

The scene is a folder written by `loupe samples --domain pest --yolo` (captures/NNNN.jpg + .json, yolo/). The ONNX file
itself is executed (onnx_run.py). Protocol:

  * tiles (yolo/images, 640x640, RGB / 255, no letterbox needed): best class per cell, class-aware NMS at IoU 0.45;
    a detection is a true positive when it matches, at IoU >= 0.5, a not yet matched labelled insect of its species
    (every label counts, also insects cut by the tile edge); AP = all-point interpolated area under the
    precision-recall curve over all tiles; precision and recall at --conf;
  * captures (full size, e.g. 2400x1600): cut into 640x640 tiles overlapping by 20 % (the last one moved back to end
    on the edge, as io.loupe.models.preprocess.TileGrid), the tiles' detections with score >= --conf mapped back and
    merged as the appliance's TiledDetector does (class-aware greedy non-maximum merging, intersection over the
    smaller box > 0.5, the kept box widened over the merged ones); the count of a species is its number of boxes;
    count error of a species = |sum of counted - sum of true| / sum of true over all captures, and the mean over
    captures of |counted - true| / max(1, true).
"""

import argparse
import json
import pathlib
import sys
import time

import numpy as np
import torch
from PIL import Image

sys.dont_write_bytecode = True  # no __pycache__ in the repository
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import manifests  # noqa: E402
import onnx_run  # noqa: E402
from evaluate_defect_detector import average_precision, detections, iou_matrix  # noqa: E402
from train_pest_detector import yolo_labels, yolo_names  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
TILE = 640


def tile_starts(size, tile=TILE, overlap=0.2):
    if size <= tile:
        return [0]
    step = max(1, round(tile * (1 - overlap)))
    count = 1 + int(np.ceil((size - tile) / step))
    return [min(i * step, size - tile) for i in range(count)]


def merge(boxes, threshold=0.5):
    """Class-aware greedy non-maximum merging by intersection over the smaller box (rows x1, y1, x2, y2, score, cls)."""
    boxes = boxes[np.argsort(-boxes[:, 4], kind="stable")]
    kept = []
    dropped = np.zeros(len(boxes), bool)
    for i in range(len(boxes)):
        if dropped[i]:
            continue
        b = boxes[i].copy()
        same = np.nonzero(~dropped & (boxes[:, 5] == b[5]))[0]
        same = same[same > i]
        if len(same):
            o = boxes[same]
            ix = np.clip(np.minimum(b[2], o[:, 2]) - np.maximum(b[0], o[:, 0]), 0, None)
            iy = np.clip(np.minimum(b[3], o[:, 3]) - np.maximum(b[1], o[:, 1]), 0, None)
            smaller = np.minimum((b[2] - b[0]) * (b[3] - b[1]), (o[:, 2] - o[:, 0]) * (o[:, 3] - o[:, 1]))
            hit = same[ix * iy / np.maximum(smaller, 1e-9) > threshold]
            dropped[hit] = True
            for j in hit:
                b[:4] = [min(b[0], boxes[j, 0]), min(b[1], boxes[j, 1]), max(b[2], boxes[j, 2]), max(b[3], boxes[j, 3])]
        kept.append(b)
    return np.array(kept).reshape(-1, 6)


def run(graph, rgb, nc, min_score, nms):
    x = rgb.transpose(2, 0, 1)[None].astype(np.float32) / 255.0
    return detections(graph.run({"images": x})["output0"][0], nc, min_score, nms)


def evaluate_tiles(graph, folder, names, conf, nms, iou_min, step):
    nc = len(names)
    records = {c: [] for c in range(nc)}
    positives = np.zeros(nc, int)
    at_conf = np.zeros((nc, 3), int)
    paths = sorted((folder / "images").glob("*.jpg"))[::step]
    for path in paths:
        rgb = np.asarray(Image.open(path).convert("RGB"))
        if rgb.shape[:2] != (TILE, TILE):
            raise SystemExit(f"{path} is {rgb.shape[1]}x{rgb.shape[0]}; tiles must be {TILE}x{TILE}")
        dets = run(graph, rgb, nc, 0.001, nms)
        gt = yolo_labels(folder / "labels" / (path.stem + ".txt"), TILE, TILE)
        gcls = gt[:, 4].astype(int)
        positives += np.bincount(gcls, minlength=nc)
        for min_score, count in ((0.001, False), (conf, True)):
            d = dets[dets[:, 4] >= min_score]
            ious = iou_matrix(d[:, :4], gt[:, :4])
            matched = np.zeros(len(gt), bool)
            for k in range(len(d)):
                c = int(d[k, 5])
                cand = np.where((gcls == c) & ~matched, ious[k], -1.0)
                j = int(np.argmax(cand)) if len(cand) else -1
                hit = j >= 0 and cand[j] >= iou_min
                if hit:
                    matched[j] = True
                if count:
                    at_conf[c, 0 if hit else 1] += 1
                else:
                    records[c].append((d[k, 4], hit))
            if count:
                for j in np.nonzero(~matched)[0]:
                    at_conf[gcls[j], 2] += 1
    ap = {names[c]: average_precision(records[c], positives[c]) for c in range(nc)}
    return {
        "tiles": len(paths), "boxes": {names[c]: int(positives[c]) for c in range(nc)},
        "map50": round(float(np.nanmean(list(ap.values()))), 4), "ap50": {k: round(v, 4) for k, v in ap.items()},
        "precision": {names[c]: round(at_conf[c, 0] / max(1, at_conf[c, 0] + at_conf[c, 1]), 4) for c in range(nc)},
        "recall": {names[c]: round(at_conf[c, 0] / max(1, at_conf[c, 0] + at_conf[c, 2]), 4) for c in range(nc)},
    }


def evaluate_captures(graph, folder, names, conf, nms, step):
    nc = len(names)
    counted, true, per_capture = np.zeros(nc), np.zeros(nc), [[] for _ in range(nc)]
    files = sorted(folder.glob("*.json"))[::step]
    for meta_path in files:
        meta = json.loads(meta_path.read_text())
        rgb = np.asarray(Image.open(folder / meta["image"]).convert("RGB"))
        h, w = rgb.shape[:2]
        found = []
        for y in tile_starts(h):
            for x in tile_starts(w):
                tile = rgb[y:y + TILE, x:x + TILE]
                if tile.shape[:2] != (TILE, TILE):
                    canvas = np.full((TILE, TILE, 3), 114, np.uint8)
                    canvas[:tile.shape[0], :tile.shape[1]] = tile
                    tile = canvas
                d = run(graph, tile, nc, conf, nms)
                d[:, [0, 2]] += x
                d[:, [1, 3]] += y
                found.append(d)
        merged = merge(np.concatenate(found)) if found else np.zeros((0, 6))
        c = np.bincount(merged[:, 5].astype(int), minlength=nc)
        t = np.array([meta["counts"].get(n, 0) for n in names])
        counted += c
        true += t
        for k in range(nc):
            per_capture[k].append(abs(c[k] - t[k]) / max(1, t[k]))
    return {
        "captures": len(files),
        "true_counts": {names[k]: int(true[k]) for k in range(nc)},
        "counted": {names[k]: int(counted[k]) for k in range(nc)},
        "count_error": {names[k]: round(abs(counted[k] - true[k]) / max(1, true[k]), 4) for k in range(nc)},
        "mean_capture_count_error": {names[k]: round(float(np.mean(per_capture[k])), 4) for k in range(nc)},
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", type=pathlib.Path, default=ROOT / "models/zoo/pest-detector.onnx")
    parser.add_argument("--scene", type=pathlib.Path, required=True, help="a generated pest scene, not trained on")
    parser.add_argument("--conf", type=float, default=None, help="score threshold (default: the manifest's)")
    parser.add_argument("--nms", type=float, default=0.45)
    parser.add_argument("--iou", type=float, default=0.5)
    parser.add_argument("--tile-step", type=int, default=1, help="use every n-th tile")
    parser.add_argument("--capture-step", type=int, default=1, help="use every n-th capture")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--update-manifest", action="store_true")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    manifest = manifests.path_for(args.model)
    conf = manifests.confidence(manifest, args.conf)
    graph = onnx_run.OnnxGraph(args.model)
    names = yolo_names(args.scene / "yolo")
    meta_names = graph.metadata.get("names")
    if meta_names != "{" + ", ".join(f"{i}: '{c}'" for i, c in enumerate(names)) + "}":
        raise SystemExit(f"{args.model} has names {meta_names}; the scene has classes {names}")
    started = time.time()
    result = {"model": str(args.model), "scene": str(args.scene), "conf": conf}
    result["tiles"] = evaluate_tiles(graph, args.scene / "yolo", names, conf, args.nms, args.iou, args.tile_step)
    result["captures"] = evaluate_captures(graph, args.scene / "captures", names, conf, args.nms, args.capture_step)
    result["seconds"] = round(time.time() - started)
    print(json.dumps(result, indent=2))
    if args.update_manifest:
        t, c = result["tiles"], result["captures"]
        command = f"/usr/bin/python3 models/training/evaluate_pest_detector.py --scene DIR/{args.scene.name}"
        evaluation = {
            "data": f"held-out generated trap scene {args.scene.name} (loupe samples --domain pest --seed N --count "
                    f"{c['captures']} --yolo), never trained or tuned on: {t['tiles']} tiles, {c['captures']} "
                    "full-size captures",
            "protocol": "tiles: best class per cell, class-aware NMS at IoU 0.45, a match at IoU >= 0.5 is a true "
                        "positive, AP all-point interpolated, precision and recall at the manifest's confidence; "
                        "captures: 640x640 tiles overlapping 20 %, merged by class-aware greedy non-maximum merging "
                        "(intersection over the smaller box > 0.5), count error = |counted - true| / true summed over "
                        "the captures",
            "measured_with": command + " (runs this ONNX file's graph with torch kernels, onnx_run.py)",
            "map50": t["map50"], "ap50": t["ap50"], "precision": t["precision"], "recall": t["recall"],
            "count_error": c["count_error"], "mean_capture_count_error": c["mean_capture_count_error"],
            "counts": {"true": c["true_counts"], "counted": c["counted"]},
        }
        manifests.update_evaluation(manifest, args.model, evaluation)


if __name__ == "__main__":
    main()
