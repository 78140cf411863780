#!/usr/bin/python3
"""Trains the part anomaly model on good parts only and exports models/zoo/part-anomaly.onnx like anomalib.

    /usr/bin/python3 models/training/train_anomaly_model.py --scenes /tmp/loupe-train/defect-101 ... [--steps 2000]

What it learns from: images of good parts only — the `good/` stills of each scene (`loupe samples --good N`: one
defect-free part on the belt, located by its brightness) and, from each scene's video, the parts whose verdict is OK,
cut out at their ground-truth box in frames where they are wholly in view. No defect and no defect label is used.

How (the discriminative half of anomalib's DRAEM): synthetic anomalies are painted onto half of the good crops —
blobs, strokes and noise-shaped patches, darker, brighter, recoloured or filled with another crop's texture — and a
small U-Net learns to segment them. Every other look of a good part (belt corners, rims, brushed grain, highlights)
is, by construction, background. The crop of a part is stretched to 256x256 as the appliance's anomalib
pre-processing does (RGB, 0..1), each side of the box moved by -4 to +16 pixels, so that a looser or tighter box
than the ground truth's (a part finder's, a fixed ROI) is normal too.

Export, like anomalib: input `input` [1, 3, 256, 256] RGB 0..1 (the ImageNet normalisation is inside the graph, as in
anomalib exports), outputs `pred_score` [1] (the maximum of the map) and `anomaly_map` [1, 1, 256, 256] (the per-pixel
probability of an anomaly, 0..1). The thresholds go into the manifest's `anomaly` section (anomalib 1.x style), set
by evaluate_anomaly_model.py --calibrate from good parts of a validation scene.
"""

import argparse
import json
import math
import pathlib
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from PIL import Image

sys.dont_write_bytecode = True  # no __pycache__ in the repository
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import manifests  # noqa: E402
import scenes  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
VERSION = "1.0.0"
SIZE = 256
MARGIN = 20
MEAN = (0.485, 0.456, 0.406)
STD = (0.229, 0.224, 0.225)
DESCRIPTION = ("Tiny demo anomaly model trained on good parts of Loupe's synthetic conveyor scenes only (models/"
               "training/train_anomaly_model.py: a small U-Net that segments synthetic anomalies painted on good "
               "parts, as anomalib's DRAEM does); not a production model. Input: the crop of one part.")
CONTRACT = (" Use it in presence mode: the defect pipeline crops each part at the box its presence finder makes (the "
            "training moved each side of the box by -4..+16 px, so a little belt around the part is normal). A whole "
            "frame, or a trigger- or frame-mode ROI much larger than one part, is out of contract: good parts then "
            "score up to 1.0. For the same reason `loupe teach --kind model` needs part crops, not whole stills "
            "(evaluate_anomaly_model.py --good-crops).")


def block(c_in, c_out, stride=1):
    return nn.Sequential(nn.Conv2d(c_in, c_out, 3, stride, 1, bias=False), nn.BatchNorm2d(c_out), nn.SiLU())


class TinyUNet(nn.Module):
    """256 -> 128 -> 64 -> 32 -> 16 and back up to a 64x64 map of logits."""

    def __init__(self):
        super().__init__()
        self.e1 = block(3, 16, 2)
        self.e2 = nn.Sequential(block(16, 32, 2), block(32, 32))
        self.e3 = nn.Sequential(block(32, 64, 2), block(64, 64))
        self.e4 = nn.Sequential(block(64, 96, 2), block(96, 96))
        self.d3 = block(96 + 64, 48)
        self.d2 = nn.Sequential(block(48 + 32, 32), block(32, 32))
        self.head = nn.Conv2d(32, 1, 1)
        nn.init.constant_(self.head.bias, -4.0)

    def forward(self, x):
        f2 = self.e2(self.e1(x))
        f3 = self.e3(f2)
        f4 = self.e4(f3)
        d3 = self.d3(torch.cat([F.interpolate(f4, scale_factor=2.0, mode="nearest"), f3], 1))
        d2 = self.d2(torch.cat([F.interpolate(d3, scale_factor=2.0, mode="nearest"), f2], 1))
        return self.head(d2)


class Exported(nn.Module):
    def __init__(self, net):
        super().__init__()
        self.net = net
        self.register_buffer("mean", torch.tensor(MEAN).view(1, 3, 1, 1))
        self.register_buffer("std", torch.tensor(STD).view(1, 3, 1, 1))

    def forward(self, image):
        logits = self.net((image - self.mean) / self.std)
        amap = torch.sigmoid(F.interpolate(logits, scale_factor=4.0, mode="bilinear", align_corners=False))
        return amap.reshape(1, SIZE * SIZE).amax(1), amap


class GoodCrops:
    """Good-part crops (uint8 RGB with a margin) and the part's box inside each."""

    def __init__(self, scene_dirs, frame_step, seed):
        self.rng = np.random.default_rng(seed)
        self.video, self.stills = [], []
        for scene in scene_dirs:
            for _, _, _, crop, box in scenes.part_crops(scene, frame_step, MARGIN, verdicts=("OK",)):
                self.video.append((crop, box))
            for path in sorted((pathlib.Path(scene) / "good").glob("good_*.png")):
                rgb = np.asarray(Image.open(path).convert("RGB"))
                b = scenes.locate_still_part(rgb)
                if b is None:
                    raise SystemExit(f"no part found on {path}")
                h, w = rgb.shape[:2]
                c = [max(0, b[0] - MARGIN), max(0, b[1] - MARGIN), min(w, b[2] + MARGIN), min(h, b[3] + MARGIN)]
                self.stills.append((rgb[c[1]:c[3], c[0]:c[2]].copy(), [b[0] - c[0], b[1] - c[1], b[2] - c[0],
                                                                      b[3] - c[1]]))
        if not self.video and not self.stills:
            raise SystemExit("no good parts in " + ", ".join(map(str, scene_dirs)))

    def sample(self):
        rng = self.rng
        pool = self.stills if (rng.random() < 0.5 and self.stills) or not self.video else self.video
        crop, box = pool[rng.integers(len(pool))]
        h, w = crop.shape[:2]
        j = rng.integers(-4, 17, 4)  # each side 4 px tighter to 16 px looser than the box: any part finder's box
        x1, y1 = max(0, box[0] - j[0]), max(0, box[1] - j[1])
        x2, y2 = min(w, box[2] + j[2]), min(h, box[3] + j[3])
        img = torch.from_numpy(crop[y1:y2, x1:x2]).permute(2, 0, 1).float()[None]
        img = F.interpolate(img, size=(SIZE, SIZE), mode="bilinear", align_corners=False)[0]
        img = img * float(rng.uniform(0.92, 1.08)) + float(rng.uniform(-6, 6))
        return img.clamp(0, 255)


def noise_field(rng, size, cells):
    low = torch.from_numpy(rng.random((1, 1, cells, cells)).astype(np.float32))
    return F.interpolate(low, size=(size, size), mode="bicubic", align_corners=False)[0, 0]


def synthetic_mask(rng, size=SIZE):
    """One random anomaly shape, float 0..1 [size, size]."""
    yy, xx = torch.meshgrid(torch.arange(size).float(), torch.arange(size).float(), indexing="ij")
    kind = rng.integers(3)
    cx, cy = rng.uniform(0.12, 0.88, 2) * size
    if kind == 0:  # blob: a rotated ellipse with a ragged edge
        a, b = rng.uniform(3, 28), rng.uniform(3, 28)
        t = rng.uniform(0, math.pi)
        u = (xx - cx) * math.cos(t) + (yy - cy) * math.sin(t)
        v = -(xx - cx) * math.sin(t) + (yy - cy) * math.cos(t)
        r = (u / a) ** 2 + (v / b) ** 2
        mask = (r < 1 + 0.6 * (noise_field(rng, size, 12) - 0.5)).float()
    elif kind == 1:  # stroke: a polyline of 1-4 segments, 1.5-5 px wide
        mask = torch.zeros(size, size)
        width = rng.uniform(1.5, 5)
        x, y = cx, cy
        angle = rng.uniform(0, 2 * math.pi)
        for _ in range(rng.integers(1, 5)):
            length = rng.uniform(10, 50)
            angle += rng.uniform(-1.0, 1.0)
            x2, y2 = x + length * math.cos(angle), y + length * math.sin(angle)
            dx, dy = x2 - x, y2 - y
            t = (((xx - x) * dx + (yy - y) * dy) / (dx * dx + dy * dy + 1e-9)).clamp(0, 1)
            dist = ((xx - x - t * dx) ** 2 + (yy - y - t * dy) ** 2).sqrt()
            mask = torch.maximum(mask, (dist < width / 2).float())
            x, y = x2, y2
    else:  # patch: thresholded smooth noise inside a window
        half = rng.uniform(10, 40)
        window = ((xx - cx).abs() < half) & ((yy - cy).abs() < half)
        field = noise_field(rng, size, int(rng.integers(8, 24)))
        mask = ((field > np.quantile(field.numpy(), 0.7)) & window).float()
    return F.avg_pool2d(mask[None, None], 3, 1, 1)[0, 0]


def paint(img, other, rng):
    """Paints one synthetic anomaly on img (float 0..255 [3, S, S]); returns the image and the target mask."""
    mask = synthetic_mask(rng)
    kind = rng.integers(4)
    if kind == 0:
        fill = img * float(rng.uniform(0.15, 0.7))
    elif kind == 1:
        fill = img + (255 - img) * float(rng.uniform(0.3, 0.9))
    elif kind == 2:
        fill = img + torch.from_numpy(rng.uniform(-110, 110, 3).astype(np.float32)).view(3, 1, 1)
    else:
        fill = other.roll((int(rng.integers(SIZE)), int(rng.integers(SIZE))), (1, 2))
    beta = float(rng.uniform(0.5, 1.0))
    out = (img * (1 - beta * mask) + fill.clamp(0, 255) * beta * mask).clamp(0, 255)
    visible = (out - img).abs().mean(0) > 12
    return out, ((mask > 0.5) & visible).float()


def batch(crops, n, rng, window):
    """n crops at 256x256, half with synthetic anomalies, each cut to a random window x window (a multiple of 16: the
    net is fully convolutional) to save time; returns images 0..1 and the targets at the map's 1/4 resolution."""
    images = torch.stack([crops.sample() for _ in range(n)])
    targets = torch.zeros(n, 1, SIZE, SIZE)
    for i in range(n):
        if rng.random() < 0.5:
            for _ in range(int(rng.integers(1, 3))):
                images[i], m = paint(images[i], images[(i + 1) % n], rng)
                targets[i, 0] = torch.maximum(targets[i, 0], m)
    if window < SIZE:
        xs, ys = rng.integers(0, (SIZE - window) // 16 + 1, (2, n)) * 16
        images = torch.stack([images[i, :, ys[i]:ys[i] + window, xs[i]:xs[i] + window] for i in range(n)])
        targets = torch.stack([targets[i, :, ys[i]:ys[i] + window, xs[i]:xs[i] + window] for i in range(n)])
    return images / 255.0, F.avg_pool2d(targets, 4)


def train(args):
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    started = time.time()
    crops = GoodCrops(args.scenes, args.frame_step, args.seed)
    print(f"loaded {len(crops.video)} good video crops and {len(crops.stills)} good stills in "
          f"{time.time() - started:.0f} s", flush=True)
    rng = np.random.default_rng(args.seed + 1)
    net = TinyUNet()
    mean = torch.tensor(MEAN).view(1, 3, 1, 1)
    std = torch.tensor(STD).view(1, 3, 1, 1)
    opt = torch.optim.AdamW(net.parameters(), lr=args.lr, weight_decay=5e-4)
    step, spent = 0, 0.0
    if args.resume and args.checkpoint.exists():
        state = torch.load(args.checkpoint)
        net.load_state_dict(state["net"])
        opt.load_state_dict(state["opt"])
        step, spent = state["step"], state["seconds"]
        crops.rng = np.random.default_rng([args.seed, step])
        rng = np.random.default_rng([args.seed + 1, step])
        print(f"resumed at step {step}", flush=True)
    net.train()
    t0, window = time.time(), []
    while step < args.steps:
        lr = args.lr * min(1.0, (step + 1) / 100) * (0.02 + 0.98 * 0.5 * (1 + math.cos(math.pi * step / args.steps)))
        for g in opt.param_groups:
            g["lr"] = lr
        images, targets = batch(crops, args.batch, rng, args.window)
        logits = net((images - mean) / std)
        bce = F.binary_cross_entropy_with_logits(logits, targets)
        p = torch.sigmoid(logits)
        dice = 1 - (2 * (p * targets).sum() + 1) / (p.sum() + targets.sum() + 1)
        total = 10 * bce + dice
        opt.zero_grad()
        total.backward()
        torch.nn.utils.clip_grad_norm_(net.parameters(), 10.0)
        opt.step()
        step += 1
        window.append((float(bce), float(dice)))
        if step % 50 == 0:
            b, d = np.mean(window, 0)
            window = []
            rate = step / max(1e-9, spent + time.time() - t0)
            print(f"step {step}/{args.steps} lr {lr:.5f} bce {b:.4f} dice {d:.3f} ({rate:.2f} steps/s)", flush=True)
        if step % 250 == 0 or step == args.steps:
            args.checkpoint.parent.mkdir(parents=True, exist_ok=True)
            torch.save({"net": net.state_dict(), "opt": opt.state_dict(), "step": step,
                        "seconds": spent + time.time() - t0}, args.checkpoint)
    return net, crops, spent + time.time() - t0


def export(net, path):
    import onnx

    wrapped = Exported(net.eval()).eval()
    with torch.no_grad():
        torch.onnx.export(wrapped, torch.zeros(1, 3, SIZE, SIZE), str(path), opset_version=13,
                          input_names=["input"], output_names=["pred_score", "anomaly_map"], do_constant_folding=True)
    model = onnx.load(str(path))
    model.producer_name = "loupe-training"
    onnx.helper.set_model_props(model, {"description": DESCRIPTION, "version": VERSION, "task": "anomaly",
                                        "author": "Loupe (models/training/train_anomaly_model.py)",
                                        "imgsz": f"[{SIZE}, {SIZE}]"})
    onnx.checker.check_model(model)
    onnx.save(model, str(path))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scenes", type=pathlib.Path, nargs="+", required=True,
                        help="generated defect scenes written with --good N")
    parser.add_argument("--out", type=pathlib.Path, default=ROOT / "models/zoo/part-anomaly.onnx")
    parser.add_argument("--checkpoint", type=pathlib.Path, default=pathlib.Path("/tmp/loupe-training/anomaly.pt"))
    parser.add_argument("--resume", action="store_true")
    parser.add_argument("--steps", type=int, default=2000)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--window", type=int, default=128, help="train on windows of the 256x256 crops")
    parser.add_argument("--lr", type=float, default=3e-3)
    parser.add_argument("--frame-step", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    net, crops, seconds = train(args)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    export(net, args.out)
    digest = manifests.sha256(args.out)
    seeds = [scenes.ground_truth(s)["seed"] for s in args.scenes]
    info = {"file": str(args.out), "bytes": args.out.stat().st_size, "sha256": digest, "train_seconds": round(seconds),
            "steps": args.steps, "batch": args.batch, "video_crops": len(crops.video), "stills": len(crops.stills),
            "scene_seeds": seeds, "frame_step": args.frame_step, "seed": args.seed, "torch": torch.__version__,
            "threads": args.threads}
    args.checkpoint.with_suffix(".json").write_text(json.dumps(info, indent=2) + "\n")
    print(json.dumps(info, indent=2))
    params = sum(p.numel() for p in net.parameters())
    command = ("/usr/bin/python3 models/training/train_anomaly_model.py --scenes "
               + " ".join(f"DIR/defect-{s}" for s in seeds)
               + f" --steps {args.steps} --batch {args.batch} --window {args.window} --lr {args.lr} --frame-step {args.frame_step}"
               + f" --threads {args.threads} --seed {args.seed}")
    data = {
        "name": "part-anomaly",
        "version": VERSION,
        "decoder": "anomalib",
        "task": "anomaly",
        "input": {"width": SIZE, "height": SIZE},
        "description": DESCRIPTION + CONTRACT + " Bring your own anomalib export for a real line.",
        "preprocess": {"resize": "stretch", "color": "rgb", "scale": "1/255"},
        "anomaly": {"image_threshold": 0.5, "pixel_threshold": 0.5, "min": 0.0, "max": 1.0},
        "sha256": digest,
        "provenance": {
            "made_by": f"models/training/train_anomaly_model.py (torch {torch.__version__}, CPU, {args.threads} "
                       "threads), exported with torch.onnx.export, opset 13",
            "command": command,
            "architecture": f"TinyUNet: {params} parameters, encoder 16-32-64-96 channels to stride 16, decoder "
                            "back to a 64x64 map of logits, upsampled (bilinear) to 256x256 and sigmoided in the "
                            "graph; pred_score is the map's maximum; ImageNet mean/std applied inside the graph",
            "input_contract": "one part's crop (the presence finder's box of the part, each side up to 4 px tighter "
                              "or 16 px looser than the part) stretched to 256x256, RGB, 0..1 (Loupe's anomalib "
                              "pre-processing); never a whole frame",
            "trained_on": f"good parts only of generated scenes, seeds {seeds}: {len(crops.stills)} good-part "
                          f"stills (--good) and {len(crops.video)} crops of OK parts from one in "
                          f"{args.frame_step} video frames; no defect is used",
            "training": f"{args.steps} steps of {args.batch} crops (random {args.window}x{args.window} windows of the "
                        "256x256 stretched crop of the part box, each side moved by -4..+16 px), half with 1-2 synthetic anomalies (blobs, strokes, "
                        "noise patches; darker, brighter, recoloured or another crop's texture), BCE + dice on the "
                        f"64x64 mask, AdamW lr {args.lr}, cosine decay, seed {args.seed}",
            "train_seconds": round(seconds),
        },
        "evaluation": "not measured yet, and the anomaly thresholds are a placeholder: run models/training/"
                      "evaluate_anomaly_model.py --calibrate, then --update-manifest",
    }
    header = ("Manifest of part-anomaly.onnx (read by io.loupe.models beside the .onnx; where it and the ONNX "
              "metadata both\nset a key, this file wins). Written by models/training/train_anomaly_model.py and "
              "evaluate_anomaly_model.py\n--calibrate / --update-manifest; regenerate as models/training/README.md "
              "says.")
    manifests.write(manifests.path_for(args.out), data, header)


if __name__ == "__main__":
    main()
