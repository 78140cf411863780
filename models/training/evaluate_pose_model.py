#!/usr/bin/python3
"""Measures a YOLOv8-pose model (ONNX) on generated walks: PCK@0.1 of the COCO-17 keypoints, and person detection.

    /usr/bin/python3 models/training/evaluate_pose_model.py --scene /tmp/loupe-train/gait-3003 \
        [--model models/zoo/synthetic-pose.onnx] [--step 5] [--update-manifest]

The scene is a folder written by `loupe samples --domain gait` (walks/NNN.mp4 + NNN.json with per-frame box and
keypoints). The ONNX file itself is executed (onnx_run.py). Protocol:

  * every --step-th frame of every walk, decoded with ffmpeg, letterboxed to 640x640 (gray 114), RGB / 255;
  * class-aware NMS at IoU 0.45 over the cells with score >= --conf (default: the manifest's confidence); the best
    detection is the person (each walk shows one person);
  * a labelled keypoint (v > 0) is correct when the person was detected and the predicted keypoint lies within
    0.1 x the longer side of the true person box (PCK@0.1; also reported at 0.05); PCK = correct / labelled keypoints,
    also per keypoint and per view (side, frontal);
  * person recall: frames with a person where the best detection overlaps its box at IoU >= 0.5; false detections:
    kept detections that match no person.
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
from evaluate_defect_detector import iou_matrix  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
NAMES = ["nose", "left_eye", "right_eye", "left_ear", "right_ear", "left_shoulder", "right_shoulder", "left_elbow",
         "right_elbow", "left_wrist", "right_wrist", "left_hip", "right_hip", "left_knee", "right_knee", "left_ankle",
         "right_ankle"]


def poses(output, conf, nms, k=17):
    """output [4 + 1 + 3k, N] -> list of (box xyxy, score, keypoints [k, 3]) best first, after NMS."""
    score = output[4]
    keep = np.nonzero(score >= conf)[0]
    keep = keep[np.argsort(-score[keep], kind="stable")]
    cx, cy, w, h = output[0, keep], output[1, keep], output[2, keep], output[3, keep]
    boxes = np.stack([cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2], 1)
    ious = iou_matrix(boxes, boxes)
    dropped = np.zeros(len(keep), bool)
    out = []
    for i in range(len(keep)):
        if dropped[i]:
            continue
        dropped |= ious[i] > nms
        out.append((boxes[i], float(score[keep[i]]), output[5:5 + 3 * k, keep[i]].reshape(k, 3)))
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", type=pathlib.Path, default=ROOT / "models/zoo/synthetic-pose.onnx")
    parser.add_argument("--scene", type=pathlib.Path, required=True, help="a generated gait scene, not trained on")
    parser.add_argument("--conf", type=float, default=None)
    parser.add_argument("--nms", type=float, default=0.45)
    parser.add_argument("--step", type=int, default=5, help="use every n-th frame")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--update-manifest", action="store_true")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    manifest = manifests.path_for(args.model)
    conf = manifests.confidence(manifest, args.conf)
    graph = onnx_run.OnnxGraph(args.model)
    started = time.time()
    labelled = {t: np.zeros(17) for t in (0.1, 0.05)}
    correct = {t: np.zeros(17) for t in (0.1, 0.05)}
    by_view = {}
    frames = persons = found = false = walks = 0
    for meta_path in sorted((args.scene / "walks").glob("*.json")):
        walk = json.loads(meta_path.read_text())
        walks += 1
        video = walk["video"]
        _, left, top = scenes.letterbox_offsets(video["width"], video["height"])
        view = by_view.setdefault(walk["view"], [0, 0])
        for index, rgb in scenes.video_frames(meta_path.parent / video["file"], video["width"], video["height"],
                                              args.step):
            frames += 1
            x = scenes.letterbox(rgb).transpose(2, 0, 1)[None].astype(np.float32) / 255.0
            found_poses = poses(graph.run({"images": x})["output0"][0], conf, args.nms)
            for box, _, kp in found_poses:
                box -= [left, top, left, top]
                kp[:, 0] -= left
                kp[:, 1] -= top
            truth = walk["frames"][index]
            if not truth.get("box"):
                false += len(found_poses)
                continue
            persons += 1
            gt_box = np.array(scenes.xyxy(truth["box"]), np.float64)
            gt_kp = np.array(truth["keypoints"], np.float64).reshape(17, 3)
            best = found_poses[0] if found_poses else None
            hit = best is not None and iou_matrix(best[0][None], gt_box[None])[0, 0] >= 0.5
            found += hit
            false += len(found_poses) - (1 if hit else 0)
            scale = max(truth["box"][2], truth["box"][3])
            vis = gt_kp[:, 2] > 0
            dist = np.hypot(best[2][:, 0] - gt_kp[:, 0], best[2][:, 1] - gt_kp[:, 1]) if best is not None \
                else np.full(17, np.inf)
            for t in labelled:
                labelled[t] += vis
                correct[t] += vis & (dist <= t * scale)
            view[0] += int(vis.sum())
            view[1] += int((vis & (dist <= 0.1 * scale)).sum())
    pck = {t: float(correct[t].sum() / max(1, labelled[t].sum())) for t in labelled}
    result = {
        "model": str(args.model), "scene": str(args.scene), "conf": conf, "walks": walks, "frames": frames,
        "persons": persons, "pck@0.1": round(pck[0.1], 4), "pck@0.05": round(pck[0.05], 4),
        "pck@0.1_by_keypoint": {n: round(float(c / max(1, l)), 4)
                                for n, c, l in zip(NAMES, correct[0.1], labelled[0.1])},
        "pck@0.1_by_view": {v: round(c / max(1, n), 4) for v, (n, c) in sorted(by_view.items())},
        "person_recall": round(found / max(1, persons), 4), "false_detections": int(false),
        "seconds": round(time.time() - started),
    }
    print(json.dumps(result, indent=2))
    if args.update_manifest:
        command = f"/usr/bin/python3 models/training/evaluate_pose_model.py --scene DIR/{args.scene.name}"
        if args.step != 5:
            command += f" --step {args.step}"
        evaluation = {
            "data": f"held-out generated walks {args.scene.name} (loupe samples --domain gait --seed N --count "
                    f"{walks} --seconds 8), never trained or tuned on: {frames} frames (one in {args.step}) with "
                    f"{persons} persons, {int(labelled[0.1].sum())} labelled keypoints",
            "protocol": "letterbox to 640x640, RGB / 255; NMS at IoU 0.45 over cells scoring >= the manifest's "
                        "confidence; the best detection is the person; a labelled keypoint is correct within 0.1 "
                        "(0.05) x the longer side of the true box",
            "measured_with": command + " (runs this ONNX file's graph with torch kernels, onnx_run.py)",
            "pck_0_1": result["pck@0.1"], "pck_0_05": result["pck@0.05"],
            "pck_0_1_by_view": result["pck@0.1_by_view"],
            "pck_0_1_by_keypoint": result["pck@0.1_by_keypoint"],
            "person_recall": result["person_recall"], "false_detections": result["false_detections"],
        }
        manifests.update_evaluation(manifest, args.model, evaluation)


if __name__ == "__main__":
    main()
