#!/usr/bin/python3
"""Trains the tiny defect detector on generated conveyor scenes and exports models/zoo/defect-detector.onnx.

    /usr/bin/python3 models/training/train_defect_detector.py --scenes /tmp/loupe-train/defect-101 ... [--steps 3000]

Each scene is a folder written by the scene generator (`loupe samples --domain defect --seed N`): its video is decoded
with ffmpeg (every --frame-step-th frame), letterboxed to 640x640 as the appliance does, and the net is trained on
random crops of --crop pixels (half of them centred near a part, a quarter near a defect, a quarter anywhere) with
flips, scale, brightness, colour and noise jitter. Labels are the ground truth's per-frame defect boxes. The net and
its loss are in tinydet.py; the export is the Ultralytics YOLOv8 detect layout [1, 4 + 4, 6400] (stride 8) with
Ultralytics' metadata. Checkpoints go to --checkpoint every 250 steps; --resume continues from it. Seeded: the same
scenes and arguments give the same weights (on the same torch build and thread count).
"""

import argparse
import hashlib
import json
import pathlib
import sys
import time

import numpy as np
import torch

sys.dont_write_bytecode = True  # no __pycache__ in the repository
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import crops  # noqa: E402
import manifests  # noqa: E402
import scenes  # noqa: E402
import tinydet  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
VERSION = "1.0.0"
DESCRIPTION = ("Tiny demo model trained on Loupe's synthetic conveyor scenes (models/training/"
               "train_defect_detector.py); not a production model. Finds dark spots, scratches, cracks and missing "
               "coating on the bright parts of the generated scene only.")


def load_scenes(scene_dirs, frame_step):
    """Letterboxed frames, their defect boxes [M, 5] and part boxes [K, 4] (canvas pixels), and the class names."""
    canvases, defects, parts, classes = [], [], [], None
    for scene in scene_dirs:
        truth = scenes.ground_truth(scene)
        if classes is None:
            classes = truth["classes"]
        elif truth["classes"] != classes:
            raise SystemExit(f"{scene} has classes {truth['classes']}, the others {classes}")
        w, h = truth["video"]["width"], truth["video"]["height"]
        _, left, top = scenes.letterbox_offsets(w, h)
        off = np.array([left, top, left, top], np.float32)
        for index, rgb in scenes.frames(scene, frame_step):
            frame = truth["frames"][index]
            canvases.append(scenes.letterbox(rgb))
            d = [scenes.xyxy(x["box"]) + [truth["classes"].index(x["class"])] for x in frame["defects"]]
            p = [scenes.xyxy(x["box"]) for x in frame["parts"]]
            defects.append(np.array(d, np.float32).reshape(-1, 5) + np.append(off, 0))
            parts.append(np.array(p, np.float32).reshape(-1, 4) + off)
    return canvases, defects, parts, classes


def train(args):
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    started = time.time()
    canvases, defects, parts, classes = load_scenes(args.scenes, args.frame_step)
    sampler = crops.CropSampler(canvases, defects, parts, args.crop, args.seed)
    print(f"loaded {len(canvases)} frames with {sampler.box_count} defect boxes from {len(args.scenes)} scenes "
          f"in {time.time() - started:.0f} s; classes {classes}", flush=True)
    net = tinydet.TinyDet(len(classes), widths=(16, 32, 64), depth=2, context=96)
    seconds = tinydet.fit(net, sampler, args.steps, args.batch, args.lr, args.seed, args.checkpoint, args.resume,
                          {"classes": classes})
    return net, sampler, classes, seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scenes", type=pathlib.Path, nargs="+", required=True, help="generated defect scenes")
    parser.add_argument("--out", type=pathlib.Path, default=ROOT / "models/zoo/defect-detector.onnx")
    parser.add_argument("--checkpoint", type=pathlib.Path, default=pathlib.Path("/tmp/loupe-training/defect.pt"))
    parser.add_argument("--resume", action="store_true")
    parser.add_argument("--steps", type=int, default=3000)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--crop", type=int, default=192)
    parser.add_argument("--lr", type=float, default=3e-3)
    parser.add_argument("--frame-step", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--confidence", type=float, default=0.5, help="the manifest's score threshold")
    parser.add_argument("--confidence-chosen-on", default="default 0.5, not tuned",
                        help="how --confidence was chosen, for the manifest")
    args = parser.parse_args()
    net, sampler, classes, seconds = train(args)
    names = "{" + ", ".join(f"{i}: '{c}'" for i, c in enumerate(classes)) + "}"
    metadata = {"description": DESCRIPTION, "author": "Loupe (models/training/train_defect_detector.py)",
                "version": VERSION, "task": "detect", "stride": str(net.stride), "batch": "1",
                "imgsz": f"[{scenes.INPUT}, {scenes.INPUT}]", "names": names}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tinydet.export(net, args.out, metadata)
    digest = hashlib.sha256(args.out.read_bytes()).hexdigest()
    seeds = [scenes.ground_truth(s)["seed"] for s in args.scenes]
    info = {"file": str(args.out), "bytes": args.out.stat().st_size, "sha256": digest, "train_seconds": round(seconds),
            "steps": args.steps, "batch": args.batch, "crop": args.crop, "frames": len(sampler.images),
            "boxes": sampler.box_count, "scene_seeds": seeds, "frame_step": args.frame_step, "seed": args.seed,
            "classes": classes, "torch": torch.__version__, "threads": args.threads}
    args.checkpoint.with_suffix(".json").write_text(json.dumps(info, indent=2) + "\n")
    print(json.dumps(info, indent=2))
    write_manifest(args, net, sampler, classes, seconds, digest, seeds)


def write_manifest(args, net, sampler, classes, seconds, digest, seeds):
    params = sum(p.numel() for p in net.parameters())
    command = ("/usr/bin/python3 models/training/train_defect_detector.py --scenes "
               + " ".join(f"DIR/defect-{s}" for s in seeds)
               + f" --steps {args.steps} --batch {args.batch} --crop {args.crop} --lr {args.lr}"
               + f" --frame-step {args.frame_step} --threads {args.threads} --seed {args.seed}")
    data = {
        "name": "defect-detector",
        "version": VERSION,
        "decoder": "yolov8",
        "task": "detect",
        "labels": list(classes),
        "input": {"width": scenes.INPUT, "height": scenes.INPUT},
        "confidence": args.confidence,
        "iou": 0.45,
        "description": DESCRIPTION + " Bring your own Ultralytics export for a real line.",
        "sha256": digest,
        "provenance": {
            "made_by": "models/training/train_defect_detector.py (torch " + torch.__version__ + ", CPU, "
                       f"{args.threads} threads), exported with torch.onnx.export, opset 13",
            "command": command,
            "architecture": f"tinydet.TinyDet: {params} parameters, conv blocks 16-32-64 channels to one stride-"
                            f"{net.stride} grid ({(scenes.INPUT // net.stride) ** 2} cells), a stride-"
                            f"{2 * net.stride} context branch, per cell {len(classes)} class scores and "
                            "4 box distances, decoded in the graph to Ultralytics' [1, 4 + classes, cells]",
            "trained_on": f"generated defect scenes, seeds {seeds} (each: loupe samples --domain defect --seed N "
                          f"--seconds 60); one video frame in {args.frame_step}, {len(sampler.images)} frames with "
                          f"{sampler.box_count} defect boxes",
            "training": f"{args.steps} steps of {args.batch} random {args.crop}x{args.crop} crops of the letterboxed "
                        "frames (flips, 0.75-1.33 scale, brightness, colour and noise jitter), AdamW, lr "
                        f"{args.lr} with warm-up and cosine decay, seed {args.seed}",
            "train_seconds": round(seconds),
            "confidence_chosen_on": args.confidence_chosen_on,
        },
        "evaluation": "not measured yet: run models/training/evaluate_defect_detector.py --update-manifest",
    }
    header = ("Manifest of defect-detector.onnx (read by io.loupe.models beside the .onnx; where it and the ONNX "
              "metadata both\nset a key, this file wins). Written by models/training/train_defect_detector.py and "
              "evaluate_defect_detector.py\n--update-manifest; regenerate both as models/training/README.md says.")
    manifests.write(manifests.path_for(args.out), data, header)
    print(f"wrote {manifests.path_for(args.out)}")

if __name__ == "__main__":
    main()
