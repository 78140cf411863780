#!/usr/bin/python3
"""Trains the tiny person-pose model on generated walks and exports models/zoo/synthetic-pose.onnx (YOLOv8-pose).

    /usr/bin/python3 models/training/train_pose_model.py --sets /tmp/loupe-train/gait-2001/yolo [--steps 4000]

Each set is the YOLO-pose data set the scene generator writes with `loupe samples --domain gait --yolo` (frames of the
walks: images/*.jpg, labels/*.txt with `0 cx cy w h` and 17 x `x y v` normalised, COCO-17 order, data.yaml with
kpt_shape and flip_idx). Frames are letterboxed to 640x640 as the appliance does; the net (tinydet.py with a keypoint
head, stride 16) is trained on random --crop crops that hold the person (scale 0.9-1.25, horizontal flips that swap
left and right keypoints, brightness, colour and noise jitter). Export: Ultralytics' YOLOv8-pose layout
[1, 4 + 1 + 17 * 3, 1600] (cx, cy, w, h, person score, then per keypoint x, y in input pixels and a visibility
score), metadata `kpt_shape` "[17, 3]", `names` "{0: 'person'}", `task` pose.
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
import torch.nn.functional as F
from PIL import Image

sys.dont_write_bytecode = True  # no __pycache__ in the repository
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import manifests  # noqa: E402
import scenes  # noqa: E402
import tinydet  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
VERSION = "1.0.0"
KEYPOINTS = 17
# 16-32-48-96 with a 128-channel context, 1500 steps, reached PCK@0.1 0.80 on held-out walks (frontal 0.72, side 0.88;
# shoulders 0.67, elbows and wrists about 0.5): left and right in the frontal view hang on the face against the hair,
# a few pixels of the head, so the net got wider and its context branch too.
WIDTHS = (16, 32, 64, 96)
CONTEXT = 160
DESCRIPTION = ("Tiny demo model trained on Loupe's synthetic walking scenes (models/training/train_pose_model.py); "
               "not a production model. Finds the one rendered person and its COCO-17 keypoints in the generated "
               "corridor scenes only.")


def flip_index(folder):
    m = re.search(r"flip_idx:\s*\[([^\]]*)\]", (pathlib.Path(folder) / "data.yaml").read_text())
    if not m:
        raise SystemExit(f"{folder}/data.yaml has no flip_idx")
    return [int(v) for v in m.group(1).split(",")]


def load_sets(folders, step):
    """Letterboxed frames and per frame boxes [M, 5] (x1, y1, x2, y2, 0) and keypoints [M, 17, 3] in canvas pixels."""
    images, boxes, kpts = [], [], []
    for folder in folders:
        folder = pathlib.Path(folder)
        for path in sorted((folder / "images").glob("*.jpg"))[::step]:
            rgb = np.asarray(Image.open(path).convert("RGB"))
            h, w = rgb.shape[:2]
            _, left, top = scenes.letterbox_offsets(w, h)
            label = folder / "labels" / (path.stem + ".txt")
            rows = [list(map(float, line.split())) for line in label.read_text().splitlines() if line.strip()] \
                if label.exists() else []
            b = np.zeros((len(rows), 5), np.float32)
            k = np.zeros((len(rows), KEYPOINTS, 3), np.float32)
            for i, r in enumerate(rows):
                cx, cy, bw, bh = r[1] * w + left, r[2] * h + top, r[3] * w, r[4] * h
                b[i] = [cx - bw / 2, cy - bh / 2, cx + bw / 2, cy + bh / 2, 0]
                kp = np.array(r[5:5 + KEYPOINTS * 3], np.float32).reshape(KEYPOINTS, 3)
                k[i, :, 0] = kp[:, 0] * w + left
                k[i, :, 1] = kp[:, 1] * h + top
                k[i, :, 2] = kp[:, 2]
            images.append(scenes.letterbox(rgb))
            boxes.append(b)
            kpts.append(k)
    return images, boxes, kpts


class PoseSampler:
    def __init__(self, images, boxes, kpts, flip, crop, seed):
        self.images, self.boxes, self.kpts, self.flip = images, boxes, kpts, flip
        self.crop = crop
        self.rng = np.random.default_rng(seed)

    def sample(self):
        rng, s = self.rng, self.crop
        i = int(rng.integers(len(self.images)))
        image, boxes, kpts = self.images[i], self.boxes[i].copy(), self.kpts[i].copy()
        side = int(round(s * float(rng.uniform(0.9, 1.25))))
        if len(boxes) and rng.random() < 0.9:
            b = boxes[rng.integers(len(boxes))]
            # a crop that holds the box where it can, placed at random around it
            lo_x, hi_x = b[2] - side, b[0]
            lo_y, hi_y = b[3] - side, b[1]
            x0 = rng.uniform(min(lo_x, hi_x), max(lo_x, hi_x))
            y0 = rng.uniform(min(lo_y, hi_y), max(lo_y, hi_y))
        else:
            x0, y0 = rng.uniform(0, 1, 2) * (np.array(image.shape[1::-1]) - side)
        x0 = int(np.clip(round(x0), 0, image.shape[1] - side))
        y0 = int(np.clip(round(y0), 0, image.shape[0] - side))
        img = torch.from_numpy(image[y0:y0 + side, x0:x0 + side]).permute(2, 0, 1).float()
        img = F.interpolate(img[None], size=(s, s), mode="bilinear", align_corners=False, antialias=side > s)[0]
        f = s / side
        boxes[:, :4] = (boxes[:, :4] - [x0, y0, x0, y0]) * f
        kpts[..., :2] = (kpts[..., :2] - [x0, y0]) * f
        clipped = boxes[:, :4].clip(0, s)
        area = (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])
        kept = (clipped[:, 2] - clipped[:, 0]) * (clipped[:, 3] - clipped[:, 1])
        keep = kept >= 0.6 * area
        boxes, kpts = np.concatenate([clipped, boxes[:, 4:]], 1)[keep], kpts[keep]
        outside = (kpts[..., 0] < 0) | (kpts[..., 0] >= s) | (kpts[..., 1] < 0) | (kpts[..., 1] >= s)
        kpts[..., 2][outside] = 0
        if rng.random() < 0.5:
            img = img.flip(2)
            boxes = np.stack([s - boxes[:, 2], boxes[:, 1], s - boxes[:, 0], boxes[:, 3], boxes[:, 4]], 1)
            kpts = kpts[:, self.flip]
            kpts[..., 0] = s - kpts[..., 0]
        gain = rng.uniform(0.75, 1.25) * rng.uniform(0.92, 1.08, 3)
        img = img * torch.tensor(gain, dtype=torch.float32).view(3, 1, 1) + float(rng.uniform(-20, 20))
        if rng.random() < 0.5:
            img = img + torch.from_numpy(rng.standard_normal((1, s, s)).astype(np.float32)) * float(rng.uniform(0, 4))
        img = img.clamp(0, 255) / 255.0
        return img, {"boxes": torch.from_numpy(np.ascontiguousarray(boxes[:, :4], np.float32)).reshape(-1, 4),
                     "labels": torch.zeros(len(boxes), dtype=torch.long),
                     "kpts": torch.from_numpy(np.ascontiguousarray(kpts, np.float32)).reshape(-1, KEYPOINTS, 3)}

    def batch(self, n):
        items = [self.sample() for _ in range(n)]
        return torch.stack([i for i, _ in items]), [t for _, t in items]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sets", type=pathlib.Path, nargs="+", required=True, help="generated gait YOLO-pose sets")
    parser.add_argument("--out", type=pathlib.Path, default=ROOT / "models/zoo/synthetic-pose.onnx")
    parser.add_argument("--checkpoint", type=pathlib.Path, default=pathlib.Path("/tmp/loupe-training/pose.pt"))
    parser.add_argument("--resume", action="store_true")
    parser.add_argument("--steps", type=int, default=4000)
    parser.add_argument("--batch", type=int, default=12)
    parser.add_argument("--crop", type=int, default=256)
    parser.add_argument("--lr", type=float, default=3e-3)
    parser.add_argument("--image-step", type=int, default=2, help="use every n-th image")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--confidence", type=float, default=0.5, help="the manifest's score threshold")
    args = parser.parse_args()
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    started = time.time()
    flips = [flip_index(s) for s in args.sets]
    if any(f != flips[0] for f in flips):
        raise SystemExit("the sets have different flip_idx")
    images, boxes, kpts = load_sets(args.sets, args.image_step)
    sampler = PoseSampler(images, boxes, kpts, flips[0], args.crop, args.seed)
    persons = sum(len(b) for b in boxes)
    print(f"loaded {len(images)} frames with {persons} persons in {time.time() - started:.0f} s", flush=True)
    net = tinydet.TinyDet(1, widths=WIDTHS, depth=2, context=CONTEXT, keypoints=KEYPOINTS)
    seconds = tinydet.fit(net, sampler, args.steps, args.batch, args.lr, args.seed, args.checkpoint, args.resume)
    metadata = {"description": DESCRIPTION, "author": "Loupe (models/training/train_pose_model.py)",
                "version": VERSION, "task": "pose", "stride": str(net.stride), "batch": "1",
                "imgsz": f"[{scenes.INPUT}, {scenes.INPUT}]", "names": "{0: 'person'}",
                "kpt_shape": f"[{KEYPOINTS}, 3]"}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tinydet.export(net, args.out, metadata)
    digest = hashlib.sha256(args.out.read_bytes()).hexdigest()
    info = {"file": str(args.out), "bytes": args.out.stat().st_size, "sha256": digest, "train_seconds": round(seconds),
            "steps": args.steps, "frames": len(images), "persons": persons, "sets": [str(s) for s in args.sets],
            "torch": torch.__version__, "threads": args.threads}
    args.checkpoint.with_suffix(".json").write_text(json.dumps(info, indent=2) + "\n")
    print(json.dumps(info, indent=2))
    params = sum(p.numel() for p in net.parameters())
    cells = (scenes.INPUT // net.stride) ** 2
    data = {
        "name": "synthetic-pose",
        "version": VERSION,
        "decoder": "yolo-pose",
        "task": "pose",
        "labels": ["person"],
        "input": {"width": scenes.INPUT, "height": scenes.INPUT},
        "confidence": args.confidence,
        "iou": 0.45,
        "description": DESCRIPTION + " Bring your own Ultralytics pose export for a real clinic.",
        "keypoints": [KEYPOINTS, 3],
        "sha256": digest,
        "provenance": {
            "made_by": f"models/training/train_pose_model.py (torch {torch.__version__}, CPU, {args.threads} "
                       "threads), exported with torch.onnx.export, opset 13",
            "command": "/usr/bin/python3 models/training/train_pose_model.py --sets "
                       + " ".join(f"DIR/{s.parent.name}/yolo" for s in args.sets)
                       + f" --steps {args.steps} --batch {args.batch} --crop {args.crop} --lr {args.lr} --image-step "
                       f"{args.image_step} --threads {args.threads} --seed {args.seed}",
            "architecture": f"tinydet.TinyDet with a keypoint head: {params} parameters, conv blocks "
                            f"{'-'.join(map(str, WIDTHS))} channels to one stride-{net.stride} grid ({cells} cells), a "
                            f"stride-{2 * net.stride} "
                            "context branch, per cell a person score, 4 box distances and 17 x (x, y offset, "
                            "visibility), decoded in the graph to Ultralytics' [1, 4 + 1 + 51, cells]",
            "trained_on": f"YOLO-pose sets of generated walks ({', '.join(s.parent.name for s in args.sets)}): "
                          f"{len(images)} frames (one in {args.image_step}) with {persons} persons",
            "training": f"{args.steps} steps of {args.batch} random {args.crop}x{args.crop} crops holding the person "
                        "(0.9-1.25 scale, left-right flips with flip_idx, brightness, colour and noise jitter); loss: "
                        "BCE on the person score, 1 - GIoU on the box, L1 on visible keypoints over the box size, "
                        f"BCE on visibility; AdamW, lr {args.lr}, warm-up and cosine decay, seed {args.seed}",
            "train_seconds": round(seconds),
        },
        "evaluation": "not measured yet: run models/training/evaluate_pose_model.py --update-manifest",
    }
    header = ("Manifest of synthetic-pose.onnx (read by io.loupe.models beside the .onnx; where it and the ONNX metadata "
              "both\nset a key, this file wins). Written by models/training/train_pose_model.py and "
              "evaluate_pose_model.py\n--update-manifest; regenerate both as models/training/README.md says.")
    manifests.write(manifests.path_for(args.out), data, header)


if __name__ == "__main__":
    main()
