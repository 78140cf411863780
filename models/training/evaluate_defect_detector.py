#!/usr/bin/python3
"""Measures a YOLOv8-format defect detector (ONNX) on a generated conveyor scene: mAP@0.5, per-class precision and
recall, part-verdict accuracy.

    /usr/bin/python3 models/training/evaluate_defect_detector.py --scene /tmp/loupe-train/defect-2024 \
        [--model models/zoo/defect-detector.onnx] [--conf 0.5] [--update-manifest]

The ONNX file itself is executed (onnx_run.py: its nodes with torch kernels; no ONNX Runtime for Python here). Protocol,
the same as the appliance's decoder and as evaluate_dark_defect_detector.py where they overlap:

  * every frame of the scene's video decoded with ffmpeg, letterboxed to 640x640 (gray 114), RGB / 255;
  * per anchor its best class (no multi-label), kept when its score >= 0.001 for mAP (--conf for the rest),
    class-aware greedy NMS at IoU 0.45, at most 300 per frame;
  * a detection is a true positive when it matches, at IoU >= 0.5, a not yet matched ground-truth defect of its class;
    a match with a defect cut by the frame edge (`truncated`) is ignored (neither true nor false positive); those
    defects are not counted as missed either;
  * AP per class: area under the all-point interpolated precision-recall curve over the whole scene (VOC 2010+);
    mAP@0.5 = the mean over the classes;
  * a part's verdict is NG iff some detection with score >= --conf has its centre inside the part's box in some frame
    where the whole part is in view; verdict accuracy is the share of such parts whose verdict is right.
"""

import argparse
import json
import pathlib
import sys
import time

import numpy as np
import torch

sys.dont_write_bytecode = True  # no __pycache__ in the repository
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import manifests  # noqa: E402
import onnx_run  # noqa: E402
import scenes  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]


def iou_matrix(a, b):
    """IoU of every row of a [N, 4] with every row of b [M, 4] (xyxy)."""
    if len(a) == 0 or len(b) == 0:
        return np.zeros((len(a), len(b)))
    ix = np.clip(np.minimum(a[:, None, 2], b[None, :, 2]) - np.maximum(a[:, None, 0], b[None, :, 0]), 0, None)
    iy = np.clip(np.minimum(a[:, None, 3], b[None, :, 3]) - np.maximum(a[:, None, 1], b[None, :, 1]), 0, None)
    inter = ix * iy
    area_a = (a[:, 2] - a[:, 0]) * (a[:, 3] - a[:, 1])
    area_b = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
    return inter / np.maximum(area_a[:, None] + area_b[None, :] - inter, 1e-9)


def detections(output, nc, min_score, nms, max_det=300):
    """output [4 + nc, N] -> array [K, 6] of x1, y1, x2, y2, score, class in input pixels, best first."""
    scores = output[4:4 + nc]
    cls = scores.argmax(0)
    best = scores[cls, np.arange(scores.shape[1])]
    keep = np.nonzero(best >= min_score)[0]
    keep = keep[np.argsort(-best[keep], kind="stable")]
    cx, cy, w, h = output[0, keep], output[1, keep], output[2, keep], output[3, keep]
    boxes = np.stack([cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2], 1)
    labels = cls[keep]
    out = []
    for c in np.unique(labels):
        idx = np.nonzero(labels == c)[0]
        b = boxes[idx]
        ious = iou_matrix(b, b)
        dropped = np.zeros(len(idx), bool)
        for i in range(len(idx)):
            if dropped[i]:
                continue
            out.append(idx[i])
            dropped |= ious[i] > nms
    out = sorted(out, key=lambda i: -best[keep[i]])[:max_det]
    return np.concatenate([boxes[out], best[keep][out, None], labels[out, None].astype(np.float64)], 1) \
        if out else np.zeros((0, 6))


def average_precision(records, positives):
    """records: list of (score, is_tp) -> all-point interpolated AP."""
    if positives == 0:
        return float("nan")
    if not records:
        return 0.0
    records = sorted(records, key=lambda r: -r[0])
    tp = np.cumsum([r[1] for r in records])
    fp = np.cumsum([not r[1] for r in records])
    recall = tp / positives
    precision = tp / np.maximum(tp + fp, 1e-9)
    mrec = np.concatenate([[0.0], recall, [1.0]])
    mpre = np.concatenate([[1.0], precision, [0.0]])
    mpre = np.flip(np.maximum.accumulate(np.flip(mpre)))
    i = np.nonzero(mrec[1:] != mrec[:-1])[0]
    return float(np.sum((mrec[i + 1] - mrec[i]) * mpre[i + 1]))


def evaluate(model_path, scene, conf, nms, iou_min, step=1, sweep=(0.3, 0.4, 0.5, 0.6, 0.7)):
    graph = onnx_run.OnnxGraph(model_path)
    truth = scenes.ground_truth(scene)
    classes = truth["classes"]
    names = graph.metadata.get("names")
    if names is not None and names != "{" + ", ".join(f"{i}: '{c}'" for i, c in enumerate(classes)) + "}":
        raise SystemExit(f"{model_path} has names {names}; the scene has classes {classes}")
    nc = len(classes)
    w, h = truth["video"]["width"], truth["video"]["height"]
    _, left, top = scenes.letterbox_offsets(w, h)
    shift = np.array([left, top, left, top], np.float64)
    records = {c: [] for c in range(nc)}
    positives = np.zeros(nc, int)
    at_conf = np.zeros((nc, 3), int)  # tp, fp, fn at --conf
    flagged = {c: set() for c in sweep + (conf,)}
    frames = 0
    started = time.time()
    for index, rgb in scenes.frames(scene, step):
        frames += 1
        x = scenes.letterbox(rgb).transpose(2, 0, 1)[None].astype(np.float32) / 255.0
        dets = detections(graph.run({"images": x})["output0"][0], nc, 0.001, nms)
        dets[:, :4] -= shift
        frame = truth["frames"][index]
        gts = np.array([scenes.xyxy(d["box"]) for d in frame["defects"]], np.float64).reshape(-1, 4)
        gcls = np.array([classes.index(d["class"]) for d in frame["defects"]], int)
        trunc = np.array([d["truncated"] for d in frame["defects"]], bool)
        for c in range(nc):
            positives[c] += int(np.sum((gcls == c) & ~trunc))
        for min_score, count in ((0.001, False), (conf, True)):
            d = dets[dets[:, 4] >= min_score]
            ious = iou_matrix(d[:, :4], gts)
            matched = np.zeros(len(gts), bool)
            for k in range(len(d)):
                c = int(d[k, 5])
                cand = np.where((gcls == c) & ~matched, ious[k], -1.0)
                j = int(np.argmax(cand)) if len(cand) else -1
                if j >= 0 and cand[j] >= iou_min:
                    matched[j] = True
                    if trunc[j]:
                        continue
                    if count:
                        at_conf[c, 0] += 1
                    else:
                        records[c].append((d[k, 4], True))
                elif count:
                    at_conf[c, 1] += 1
                else:
                    records[c].append((d[k, 4], False))
            if count:
                for j in range(len(gts)):
                    if not matched[j] and not trunc[j]:
                        at_conf[gcls[j], 2] += 1
        centres = np.stack([(dets[:, 0] + dets[:, 2]) / 2, (dets[:, 1] + dets[:, 3]) / 2], 1)
        for part in frame["parts"]:
            if part["truncated"]:
                continue
            x1, y1, x2, y2 = scenes.xyxy(part["box"])
            inside = (centres[:, 0] >= x1) & (centres[:, 0] < x2) & (centres[:, 1] >= y1) & (centres[:, 1] < y2)
            for c in flagged:
                if np.any(inside & (dets[:, 4] >= c)):
                    flagged[c].add(part["id"])
    seen = {q["id"] for f in truth["frames"][::step] for q in f["parts"] if not q["truncated"]}
    judged = [p for p in truth["parts"] if p["id"] in seen]

    def verdicts(c):
        correct = sum((p["verdict"] == "NG") == (p["id"] in flagged[c]) for p in judged)
        return dict(accuracy=round(correct / max(1, len(judged)), 4),
                    missed_ng=sum(p["verdict"] == "NG" and p["id"] not in flagged[c] for p in judged),
                    false_ng=sum(p["verdict"] == "OK" and p["id"] in flagged[c] for p in judged))

    ap = {classes[c]: average_precision(records[c], positives[c]) for c in range(nc)}
    present = [v for v in ap.values() if not np.isnan(v)]
    v = verdicts(conf)
    return {
        "model": str(model_path), "scene": str(scene), "scene_seed": truth["seed"], "frames": frames,
        "parts_judged": len(judged), "ng_parts": sum(p["verdict"] == "NG" for p in judged),
        "defect_boxes": int(positives.sum()), "map50": round(float(np.mean(present)), 4),
        "ap50": {k: round(x, 4) for k, x in ap.items()},
        "conf": conf,
        "precision": {classes[c]: round(at_conf[c, 0] / max(1, at_conf[c, 0] + at_conf[c, 1]), 4) for c in range(nc)},
        "recall": {classes[c]: round(at_conf[c, 0] / max(1, at_conf[c, 0] + at_conf[c, 2]), 4) for c in range(nc)},
        "counts": {classes[c]: dict(zip(("tp", "fp", "fn"), map(int, at_conf[c]))) for c in range(nc)},
        "verdict_accuracy": v["accuracy"], "missed_ng": v["missed_ng"], "false_ng": v["false_ng"],
        "verdict_accuracy_by_conf": {str(c): verdicts(c)["accuracy"] for c in sweep},
        "seconds": round(time.time() - started),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", type=pathlib.Path, default=ROOT / "models/zoo/defect-detector.onnx")
    parser.add_argument("--scene", type=pathlib.Path, required=True, help="a generated defect scene, not trained on")
    parser.add_argument("--conf", type=float, default=None, help="score threshold (default: the manifest's)")
    parser.add_argument("--nms", type=float, default=0.45)
    parser.add_argument("--iou", type=float, default=0.5)
    parser.add_argument("--step", type=int, default=1, help="use every n-th frame")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--update-manifest", action="store_true",
                        help="write the numbers into the evaluation section of the model's manifest")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    manifest = manifests.path_for(args.model)
    conf = manifests.confidence(manifest, args.conf)
    result = evaluate(args.model, args.scene, conf, args.nms, args.iou, args.step)
    print(json.dumps(result, indent=2))
    if args.update_manifest:
        manifests.update_evaluation(manifest, args.model, summary(result, args))


def summary(r, args):
    """The manifest's evaluation section."""
    command = "/usr/bin/python3 models/training/evaluate_defect_detector.py --scene DIR/defect-" + str(r["scene_seed"])
    if args.step != 1:
        command += f" --step {args.step}"
    return {
        "data": f"held-out generated scene (loupe samples --domain defect --seed {r['scene_seed']} --seconds "
                f"{r['frames'] * args.step // 25}), never trained or tuned on: {r['frames']} frames, "
                f"{r['defect_boxes']} defect boxes wholly in frame, {r['parts_judged']} parts of which "
                f"{r['ng_parts']} NG",
        "protocol": "letterbox to 640x640 (gray 114), RGB / 255; best class per cell, class-aware NMS at IoU 0.45; "
                    "a detection matching (IoU >= 0.5) a defect cut by the frame edge is ignored; AP = all-point "
                    "interpolated area under the precision-recall curve over the scene; precision, recall and "
                    "verdicts at the manifest's confidence; a part is NG iff a detection's centre falls in its box in "
                    "a frame where the whole part is in view",
        "measured_with": command + " (runs this ONNX file's graph with torch kernels, onnx_run.py)",
        "map50": r["map50"],
        "ap50": r["ap50"],
        "precision": r["precision"],
        "recall": r["recall"],
        "verdict_accuracy": r["verdict_accuracy"],
        "counts": dict(r["counts"], missed_ng_parts=r["missed_ng"], false_ng_parts=r["false_ng"]),
    }


if __name__ == "__main__":
    main()
