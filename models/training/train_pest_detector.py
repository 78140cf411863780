#!/usr/bin/python3
"""Trains the tiny pest detector on generated sticky-trap tiles and exports models/zoo/pest-detector.onnx.

    /usr/bin/python3 models/training/train_pest_detector.py --sets /tmp/loupe-train/pest-1001/yolo [--steps 3000]

Each set is the YOLO data set the scene generator writes with `loupe samples --domain pest --yolo` (640x640 tiles of
the full-size trap captures, stride 512: images/*.jpg, labels/*.txt with `class cx cy w h` normalised, data.yaml with
the names). The net (tinydet.py, stride 8, the same as the defect detector's) is trained on random --crop crops of the
tiles (half centred near an insect, a quarter near a labelled box, a quarter anywhere) with flips, scale, brightness,
colour and noise jitter, and exported in the Ultralytics YOLOv8 detect layout [1, 4 + 5, 6400] with Ultralytics'
metadata. The appliance runs it on 640x640 tiles of the trap image (sliced inference) and merges the tiles.
"""

import argparse
import hashlib
import json
import pathlib
import re
import sys
import time

import numpy as np
import torch
from PIL import Image

sys.dont_write_bytecode = True  # no __pycache__ in the repository
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import crops  # noqa: E402
import manifests  # noqa: E402
import tinydet  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
VERSION = "1.0.0"
INPUT = 640
DESCRIPTION = ("Tiny demo model trained on Loupe's synthetic sticky-trap images (models/training/"
               "train_pest_detector.py); not a production model. Finds whitefly, aphid, thrips, fungus gnat and moth "
               "as the generator draws them, on 640x640 tiles of a trap image.")


def yolo_names(folder):
    """Class names from a data.yaml's `names:` block (`  0: whitefly` lines), in id order."""
    names = {}
    in_names = False
    for line in (pathlib.Path(folder) / "data.yaml").read_text().splitlines():
        if line.startswith("names:"):
            in_names = True
            continue
        m = re.match(r"\s+(\d+):\s*(\S+)", line)
        if in_names and m:
            names[int(m.group(1))] = m.group(2).strip("'\"")
        elif in_names and line.strip() and not line.startswith(" "):
            in_names = False
    return [names[i] for i in sorted(names)]


def yolo_labels(path, w, h):
    """[M, 5] x1, y1, x2, y2, class in pixels from a YOLO label file."""
    rows = [list(map(float, line.split())) for line in path.read_text().splitlines() if line.strip()] \
        if path.exists() else []
    out = np.zeros((len(rows), 5), np.float32)
    for k, (c, cx, cy, bw, bh) in enumerate(rows):
        out[k] = [(cx - bw / 2) * w, (cy - bh / 2) * h, (cx + bw / 2) * w, (cy + bh / 2) * h, c]
    return out


def yolo_distractors(path, w, h, kinds):
    """[K, 4] x1, y1, x2, y2 in pixels of the listed kinds from a tile's distractors file (`kind cx cy w h`)."""
    rows = [line.split() for line in path.read_text().splitlines() if line.strip()] if path.exists() else []
    out = [[(float(cx) - float(bw) / 2) * w, (float(cy) - float(bh) / 2) * h, (float(cx) + float(bw) / 2) * w,
            (float(cy) + float(bh) / 2) * h] for kind, cx, cy, bw, bh in rows if kind in kinds]
    return np.array(out, np.float32).reshape(-1, 4)


def load_sets(folders, step=1, kinds=()):
    images, boxes, distractors, names = [], [], [], None
    for folder in folders:
        n = yolo_names(folder)
        if names is None:
            names = n
        elif n != names:
            raise SystemExit(f"{folder} has classes {n}, the others {names}")
        for path in sorted((pathlib.Path(folder) / "images").glob("*.jpg"))[::step]:
            rgb = np.array(Image.open(path).convert("RGB"))
            images.append(rgb)
            boxes.append(yolo_labels(pathlib.Path(folder) / "labels" / (path.stem + ".txt"), rgb.shape[1],
                                     rgb.shape[0]))
            distractors.append(yolo_distractors(pathlib.Path(folder) / "distractors" / (path.stem + ".txt"),
                                                rgb.shape[1], rgb.shape[0], kinds))
    return images, boxes, distractors, names


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sets", type=pathlib.Path, nargs="+", required=True, help="generated pest YOLO sets")
    parser.add_argument("--out", type=pathlib.Path, default=ROOT / "models/zoo/pest-detector.onnx")
    parser.add_argument("--checkpoint", type=pathlib.Path, default=pathlib.Path("/tmp/loupe-training/pest.pt"))
    parser.add_argument("--resume", action="store_true")
    parser.add_argument("--steps", type=int, default=4000)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--crop", type=int, default=192)
    parser.add_argument("--lr", type=float, default=3e-3)
    parser.add_argument("--tile-step", type=int, default=1, help="use every n-th tile")
    parser.add_argument("--distractors", nargs="*", default=["fragment", "fibre"],
                        help="debris kinds from the sets' distractors/ files to centre crops on (none: no such crops)")
    parser.add_argument("--distractor-share", type=float, default=0.25,
                        help="share of the crops centred near a distractor")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--confidence", type=float, default=0.5, help="the manifest's score threshold")
    parser.add_argument("--confidence-chosen-on", default="default 0.5, not tuned")
    args = parser.parse_args()
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    started = time.time()
    images, boxes, distractors, names = load_sets(args.sets, args.tile_step, set(args.distractors))
    share = args.distractor_share if args.distractors else 0.0
    sampler = crops.CropSampler(images, boxes, [b[:, :4] for b in boxes], args.crop, args.seed, distractors, share)
    print(f"loaded {len(images)} tiles with {sampler.box_count} boxes and {sum(len(d) for d in distractors)} "
          f"distractors ({', '.join(args.distractors) or 'none'}) in {time.time() - started:.0f} s; classes {names}",
          flush=True)
    net = tinydet.TinyDet(len(names), widths=(16, 32, 64), depth=2, context=96)
    seconds = tinydet.fit(net, sampler, args.steps, args.batch, args.lr, args.seed, args.checkpoint, args.resume,
                          {"classes": names})
    metadata = {"description": DESCRIPTION, "author": "Loupe (models/training/train_pest_detector.py)",
                "version": VERSION, "task": "detect", "stride": str(net.stride), "batch": "1",
                "imgsz": f"[{INPUT}, {INPUT}]",
                "names": "{" + ", ".join(f"{i}: '{c}'" for i, c in enumerate(names)) + "}"}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tinydet.export(net, args.out, metadata)
    digest = hashlib.sha256(args.out.read_bytes()).hexdigest()
    info = {"file": str(args.out), "bytes": args.out.stat().st_size, "sha256": digest, "train_seconds": round(seconds),
            "steps": args.steps, "tiles": len(images), "boxes": sampler.box_count,
            "sets": [str(s) for s in args.sets], "torch": torch.__version__, "threads": args.threads}
    args.checkpoint.with_suffix(".json").write_text(json.dumps(info, indent=2) + "\n")
    print(json.dumps(info, indent=2))
    params = sum(p.numel() for p in net.parameters())
    counts = np.bincount(np.concatenate([b[:, 4] for b in boxes]).astype(int), minlength=len(names))
    data = {
        "name": "pest-detector",
        "version": VERSION,
        "decoder": "yolov8",
        "task": "detect",
        "labels": names,
        "input": {"width": INPUT, "height": INPUT},
        "confidence": args.confidence,
        "iou": 0.45,
        "description": DESCRIPTION + " Bring your own Ultralytics export for a real farm.",
        "sha256": digest,
        "provenance": {
            "made_by": f"models/training/train_pest_detector.py (torch {torch.__version__}, CPU, {args.threads} "
                       "threads), exported with torch.onnx.export, opset 13",
            "command": "/usr/bin/python3 models/training/train_pest_detector.py --sets "
                       + " ".join(f"DIR/{s.parent.name}/yolo" for s in args.sets)
                       + f" --steps {args.steps} --batch {args.batch} --crop {args.crop} --lr {args.lr} --tile-step "
                       f"{args.tile_step} --distractors {' '.join(args.distractors)} --distractor-share "
                       f"{args.distractor_share} --threads {args.threads} --seed {args.seed}",
            "architecture": f"tinydet.TinyDet: {params} parameters, conv blocks 16-32-64 channels to one stride-"
                            f"{net.stride} grid (6400 cells), a stride-{2 * net.stride} context branch, per cell "
                            f"{len(names)} class scores and 4 box distances, decoded in the graph to Ultralytics' "
                            "[1, 4 + classes, cells]",
            "trained_on": f"YOLO tile sets of generated sticky-trap scenes ({', '.join(s.parent.name for s in args.sets)}"
                          f"): {len(images)} tiles of 640x640, boxes per class "
                          + ", ".join(f"{n} {c}" for n, c in zip(names, counts)),
            "training": f"{args.steps} steps of {args.batch} random {args.crop}x{args.crop} crops ({share:.0%} "
                        f"centred near debris that may pass for an insect: {', '.join(args.distractors) or 'none'}; "
                        f"flips, 0.75-1.33 scale, brightness, colour and noise jitter), AdamW, lr {args.lr} with warm-up and cosine "
                        f"decay, seed {args.seed}",
            "train_seconds": round(seconds),
            "confidence_chosen_on": args.confidence_chosen_on,
        },
        "evaluation": "not measured yet: run models/training/evaluate_pest_detector.py --update-manifest",
    }
    header = ("Manifest of pest-detector.onnx (read by io.loupe.models beside the .onnx; where it and the ONNX metadata "
              "both\nset a key, this file wins). Written by models/training/train_pest_detector.py and "
              "evaluate_pest_detector.py\n--update-manifest; regenerate both as models/training/README.md says.")
    manifests.write(manifests.path_for(args.out), data, header)


if __name__ == "__main__":
    main()
