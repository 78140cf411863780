#!/usr/bin/python3
"""Measures an anomalib-style anomaly model (ONNX) on the parts of a generated conveyor scene: image AUROC of good vs
defective part crops, part-level AUROC, and accuracy at the manifest's threshold; --calibrate sets that threshold.

    /usr/bin/python3 models/training/evaluate_anomaly_model.py --scene /tmp/loupe-train/defect-3033 --calibrate
    /usr/bin/python3 models/training/evaluate_anomaly_model.py --scene /tmp/loupe-train/defect-2024 --update-manifest

The ONNX file itself is executed (onnx_run.py). Protocol: every --step-th frame of the scene's video (decoded with
ffmpeg), each part wholly in view is cut out at its ground-truth box and stretched to the model's input (bilinear, as
OpenCV's INTER_LINEAR), RGB / 255, as the appliance's anomalib pre-processing does; its raw `pred_score` is its score.
A crop of a part with verdict NG is positive (its defects are all in view), of an OK part negative.

  * image AUROC: over all crops;
  * part AUROC: each part scored by its highest crop score;
  * at the threshold (the manifest's anomaly.image_threshold): the share of crops judged right, and the share of parts
    judged right when a part is NG iff any of its crops reaches the threshold.

With --update-manifest the crops are also scored with every box 12 px looser on each side (a part finder's box with
some belt around the part), reported as boxes_12px_looser, and the numbers go to the manifest's
evaluation.ground_truth_crops; its other evaluation entries (the verdicts of the appliance's own defect pipeline,
measured with pipelines' PartAnomalyModelTest as models/training/README.md says) are kept.

The model's input is ONE part's crop. --good-crops DIR cuts the scene's good/ stills (whole frames with one part,
`loupe samples --good N`) to the part's box and writes them to DIR, for `loupe teach --kind model --good DIR`: a whole
still is out of the model's contract (a good part's whole frame scores up to 1.0) and teaching from whole stills gives
a threshold above 1 that no score reaches.

--calibrate (on a validation scene, never the held-out one) looks at the good crops only and sets
image_threshold = pixel_threshold = highest good score + --margin, kept within [0.5, 0.95] (0.5 being the net's own
decision boundary: the outputs are probabilities), min 0, max 1, so that the appliance reports scores normalised with
the threshold at 0.5.
"""

import argparse
import json
import pathlib
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image

sys.dont_write_bytecode = True  # no __pycache__ in the repository
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import manifests  # noqa: E402
import onnx_run  # noqa: E402
import scenes  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]


def auroc(scores, positive):
    """Area under the ROC curve (Mann-Whitney U, ties counted half)."""
    scores, positive = np.asarray(scores, np.float64), np.asarray(positive, bool)
    n_pos, n_neg = positive.sum(), (~positive).sum()
    if n_pos == 0 or n_neg == 0:
        return float("nan")
    order = np.argsort(scores, kind="stable")
    ranks = np.empty(len(scores))
    sorted_scores = scores[order]
    i = 0
    while i < len(scores):
        j = i
        while j + 1 < len(scores) and sorted_scores[j + 1] == sorted_scores[i]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2 + 1
        i = j + 1
    return float((ranks[positive].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def score_crops(model, scene, step, margin=0):
    graph = onnx_run.OnnxGraph(model)
    shape = [d.dim_value for d in graph.model.graph.input[0].type.tensor_type.shape.dim]
    h, w = shape[2], shape[3]
    rows = []
    for index, part, verdict, crop, _ in scenes.part_crops(scene, step, margin):
        x = torch.from_numpy(crop).permute(2, 0, 1).float()[None]
        x = F.interpolate(x, size=(h, w), mode="bilinear", align_corners=False) / 255.0
        out = graph.run({graph.inputs[0]: x.numpy()})
        rows.append((index, part, verdict == "NG", float(out["pred_score"].reshape(-1)[0])))
    return rows


def measure(rows, threshold):
    scores = np.array([r[3] for r in rows])
    positive = np.array([r[2] for r in rows])
    parts = {}
    for _, part, ng, s in rows:
        parts.setdefault(part, [ng, []])[1].append(s)
    part_ng = np.array([v[0] for v in parts.values()])
    part_max = np.array([max(v[1]) for v in parts.values()])
    good = scores[~positive]
    bad = scores[positive]
    return {
        "crops": len(rows), "defective_crops": int(positive.sum()), "parts": len(parts), "ng_parts": int(part_ng.sum()),
        "image_auroc": round(auroc(scores, positive), 4),
        "part_auroc": round(auroc(part_max, part_ng), 4),
        "threshold": threshold,
        "crop_accuracy": round(float(np.mean((scores >= threshold) == positive)), 4),
        "part_accuracy": round(float(np.mean((part_max >= threshold) == part_ng)), 4),
        "good_scores": {"max": round(float(good.max()), 4), "p99": round(float(np.percentile(good, 99)), 4),
                        "median": round(float(np.median(good)), 4)} if len(good) else None,
        "defective_scores": {"min": round(float(bad.min()), 4), "p01": round(float(np.percentile(bad, 1)), 4),
                             "median": round(float(np.median(bad)), 4)} if len(bad) else None,
        "missed_defective_crops": int(np.sum(positive & (scores < threshold))),
        "false_alarm_crops": int(np.sum(~positive & (scores >= threshold))),
    }


def write_good_crops(scene, out):
    """Cuts each good still of the scene (`loupe samples --good N`: a whole 640x480 frame with one part) to the part's
    box, as the defect pipeline's presence finder boxes it (within a pixel), and writes it as PNG: the images
    `loupe teach --kind model` expects. A whole still is not a valid input of the model."""
    stills = sorted((pathlib.Path(scene) / "good").glob("good_*.png"))
    if not stills:
        raise SystemExit(f"no good/good_*.png in {scene}: write the scene with loupe samples ... --good N")
    out.mkdir(parents=True, exist_ok=True)
    for path in stills:
        rgb = np.asarray(Image.open(path).convert("RGB"))
        box = scenes.locate_still_part(rgb)
        if box is None:
            raise SystemExit(f"no part found on {path}")
        Image.fromarray(rgb[box[1]:box[3], box[0]:box[2]]).save(out / path.name)
    print(f"wrote {len(stills)} part crops of {scene}/good to {out}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", type=pathlib.Path, default=ROOT / "models/zoo/part-anomaly.onnx")
    parser.add_argument("--scene", type=pathlib.Path, required=True)
    parser.add_argument("--step", type=int, default=3, help="use every n-th frame")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--calibrate", action="store_true", help="set the manifest's thresholds from the good crops")
    parser.add_argument("--margin", type=float, default=0.1, help="threshold = highest good score + this")
    parser.add_argument("--box-margin", type=int, default=0,
                        help="widen each part box by this many pixels (robustness to a looser part finder)")
    parser.add_argument("--update-manifest", action="store_true", help="write the numbers into the manifest")
    parser.add_argument("--good-crops", type=pathlib.Path, metavar="DIR",
                        help="only write the scene's good/ stills cut to the part's box into DIR (for loupe teach)")
    args = parser.parse_args()
    if args.good_crops:
        write_good_crops(args.scene, args.good_crops)
        return
    torch.set_num_threads(args.threads)
    manifest = manifests.path_for(args.model)
    started = time.time()
    rows = score_crops(args.model, args.scene, args.step, args.box_margin)
    seed = scenes.ground_truth(args.scene)["seed"]
    if args.calibrate:
        good = [r[3] for r in rows if not r[2]]
        threshold = round(min(0.95, max(0.5, max(good) + args.margin)), 4)
        data = manifests.read(manifest)
        if data.get("sha256") != manifests.sha256(args.model):
            raise SystemExit(f"{manifest} does not belong to {args.model} (sha256 differs); re-run the training")
        data["anomaly"] = {"image_threshold": threshold, "pixel_threshold": threshold, "min": 0.0, "max": 1.0}
        data["provenance"]["threshold"] = (
            f"image_threshold = pixel_threshold = the highest pred_score of {len(good)} good part crops of validation "
            f"scene seed {seed} (one frame in {args.step}), {max(good):.4f}, + {args.margin}, but at least 0.5 (the "
            f"net's own decision boundary) and at most 0.95: evaluate_anomaly_model.py --scene DIR/defect-{seed} "
            "--calibrate; min 0 and max 1 as the raw outputs are probabilities")
        header = "".join(line[2:] + "\n" if line.startswith("# ") else line[1:] + "\n"
                         for line in manifest.read_text().splitlines() if line.startswith("#"))
        manifests.write(manifest, data, header)
        print(f"set the thresholds in {manifest} to {threshold}")
    else:
        threshold = manifests.read(manifest).get("anomaly", {}).get("image_threshold", 0.5)
    result = measure(rows, threshold)
    result.update(scene_seed=seed, step=args.step, seconds=round(time.time() - started))
    print(json.dumps(result, indent=2))
    if args.update_manifest:
        looser = measure(score_crops(args.model, args.scene, args.step, 12), threshold)
        print(json.dumps({"boxes_12px_looser": looser}, indent=2))
        command = f"/usr/bin/python3 models/training/evaluate_anomaly_model.py --scene DIR/defect-{seed}"
        if args.step != 3:
            command += f" --step {args.step}"
        crops = {
            "data": f"held-out generated scene (loupe samples --domain defect --seed {seed} --seconds 60), never "
                    f"trained or calibrated on: {result['crops']} crops (one frame in {args.step}) of "
                    f"{result['parts']} parts wholly in view, {result['defective_crops']} crops of "
                    f"{result['ng_parts']} NG parts",
            "protocol": "crop = the part's ground-truth box, stretched to 256x256 (bilinear), RGB / 255; score = raw "
                        "pred_score; NG parts positive; part AUROC on each part's highest crop score; accuracy at "
                        "the manifest's image_threshold (a part is NG iff one of its crops reaches it)",
            "measured_with": command + " (runs this ONNX file's graph with torch kernels, onnx_run.py)",
            "image_auroc": result["image_auroc"],
            "part_auroc": result["part_auroc"],
            "crop_accuracy": result["crop_accuracy"],
            "part_accuracy": result["part_accuracy"],
            "counts": {"missed_defective_crops": result["missed_defective_crops"],
                       "false_alarm_crops": result["false_alarm_crops"]},
            "good_scores": result["good_scores"],
            "defective_scores": result["defective_scores"],
            "boxes_12px_looser": {k: looser[k] for k in ("image_auroc", "part_auroc", "crop_accuracy",
                                                         "part_accuracy", "missed_defective_crops",
                                                         "false_alarm_crops")},
        }
        # Only this block is this script's: the pipeline's own numbers (pipelines' PartAnomalyModelTest, ONNX Runtime,
        # the presence finder's boxes) sit beside it and are kept.
        evaluation = manifests.read(manifest).get("evaluation")
        evaluation = dict(evaluation) if isinstance(evaluation, dict) else {}
        evaluation["ground_truth_crops"] = crops
        manifests.update_evaluation(manifest, args.model, evaluation)


if __name__ == "__main__":
    main()
