"""A tiny anchor-free single-scale detector (optionally with keypoints) and its export in the Ultralytics YOLOv8 format.

The net: a few 3x3 conv blocks down to one output grid (stride 8 or 16), a context branch one stride coarser whose
features are upsampled and added back, then a head that predicts, per grid cell, one logit per class, four box
distances (left, top, right, bottom from the cell centre, `softplus(raw) * stride` pixels) and, for pose, per keypoint
an offset from the cell centre (`raw * 2 * stride` pixels) and a visibility logit.

Training (`loss`): every ground-truth box claims the cells whose centres lie inside it and within `radius` strides of
its centre, plus always the cell its centre falls in (tiny boxes); a cell claimed twice goes to the smaller box.
Class loss: binary cross-entropy over all cells and classes, summed and divided by the positive count; box loss:
1 - GIoU on the positive cells; keypoint loss: L1 on visible keypoints divided by the box size, plus BCE on visibility.

Export (`Exported`): the head is decoded inside the graph into Ultralytics' layout `[1, 4 + nc (+ 3k), N]`: cx, cy, w, h
in input pixels, the sigmoided class scores (no objectness), then per keypoint x, y in input pixels and the sigmoided
visibility; N = (640 / stride)^2 cells in row-major order.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


def block(c_in, c_out, stride=1):
    return nn.Sequential(nn.Conv2d(c_in, c_out, 3, stride, 1, bias=False), nn.BatchNorm2d(c_out), nn.SiLU())


class TinyDet(nn.Module):
    """widths: channels per stage, each stage halving the resolution; the last stage's stride is the grid stride."""

    def __init__(self, classes, widths=(16, 32, 64), depth=2, context=96, keypoints=0):
        super().__init__()
        self.classes = classes
        self.keypoints = keypoints
        self.stride = 2 ** len(widths)
        layers, c = [], 3
        for i, w in enumerate(widths):
            layers.append(block(c, w, 2))
            if i > 0:
                layers.append(block(w, w))
            c = w
        for _ in range(depth - 1):
            layers.append(block(c, c))
        self.backbone = nn.Sequential(*layers)
        self.context = nn.Sequential(block(c, context, 2), block(context, context), nn.Conv2d(context, c, 1))
        self.neck = nn.Sequential(block(c, c), block(c, c))
        self.cls = nn.Conv2d(c, classes, 1)
        self.box = nn.Conv2d(c, 4, 1)
        self.kpt = nn.Conv2d(c, keypoints * 3, 1) if keypoints else None
        nn.init.constant_(self.cls.bias, -4.6)  # start with scores near 0.01: most cells are background

    def forward(self, x):
        f = self.backbone(x)
        f = f + F.interpolate(self.context(f), scale_factor=2.0, mode="nearest")
        f = self.neck(f)
        out = [self.cls(f), self.box(f)]
        if self.kpt is not None:
            out.append(self.kpt(f))
        return out


def grid(h, w, stride, device=None):
    """Cell centres in input pixels, [h*w, 2] (x, y), row-major."""
    ys, xs = torch.meshgrid(torch.arange(h, device=device), torch.arange(w, device=device), indexing="ij")
    return torch.stack([xs.reshape(-1), ys.reshape(-1)], 1).float().add(0.5).mul(stride)


def decode_boxes(raw_box, centres, stride):
    """raw [B, 4, H, W] -> xyxy [B, H*W, 4] in input pixels."""
    d = F.softplus(raw_box).flatten(2).transpose(1, 2) * stride
    return torch.cat([centres - d[..., :2], centres + d[..., 2:]], -1)


def giou(a, b):
    """Generalised IoU of matching rows of xyxy boxes a and b, and the plain IoU."""
    ix1, iy1 = torch.max(a[:, 0], b[:, 0]), torch.max(a[:, 1], b[:, 1])
    ix2, iy2 = torch.min(a[:, 2], b[:, 2]), torch.min(a[:, 3], b[:, 3])
    inter = (ix2 - ix1).clamp(min=0) * (iy2 - iy1).clamp(min=0)
    area_a = (a[:, 2] - a[:, 0]) * (a[:, 3] - a[:, 1])
    area_b = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
    union = area_a + area_b - inter + 1e-7
    iou = inter / union
    cx1, cy1 = torch.min(a[:, 0], b[:, 0]), torch.min(a[:, 1], b[:, 1])
    cx2, cy2 = torch.max(a[:, 2], b[:, 2]), torch.max(a[:, 3], b[:, 3])
    hull = (cx2 - cx1) * (cy2 - cy1) + 1e-7
    return iou - (hull - union) / hull, iou


def assign(boxes, centres, stride, radius):
    """For one image: boxes [M, 4] xyxy -> index of the box each cell is assigned to, -1 for background."""
    n = centres.shape[0]
    owner = torch.full((n,), -1, dtype=torch.long)
    if boxes.shape[0] == 0:
        return owner
    cx = (boxes[:, 0] + boxes[:, 2]) / 2
    cy = (boxes[:, 1] + boxes[:, 3]) / 2
    px, py = centres[:, 0:1], centres[:, 1:2]  # [N, 1]
    inside = (px > boxes[:, 0]) & (px < boxes[:, 2]) & (py > boxes[:, 1]) & (py < boxes[:, 3])
    near = ((px - cx).abs() < radius * stride) & ((py - cy).abs() < radius * stride)
    claim = inside & near  # [N, M]
    gw = int(round(float(centres[:, 0].max() + stride / 2) / stride))
    col = (cx / stride).long().clamp(0, gw - 1)
    row = (cy / stride).long().clamp(0, n // gw - 1)
    claim[row * gw + col, torch.arange(boxes.shape[0])] = True
    area = (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])
    cost = torch.where(claim, area.expand_as(claim), torch.full_like(claim, float("inf"), dtype=torch.float))
    best, idx = cost.min(1)
    owner[best < float("inf")] = idx[best < float("inf")]
    return owner


def loss(model_out, targets, stride, radius=2.5, box_gain=5.0, kpt_gain=4.0):
    """targets: per image a dict with 'boxes' [M, 4] xyxy pixels, 'labels' [M], optionally 'kpts' [M, K, 3]
    (x, y, visible 0/1). Returns the total loss and its parts."""
    cls_raw, box_raw = model_out[0], model_out[1]
    b, nc, h, w = cls_raw.shape
    centres = grid(h, w, stride)
    pred_boxes = decode_boxes(box_raw, centres, stride)  # [B, N, 4]
    cls_flat = cls_raw.flatten(2).transpose(1, 2)  # [B, N, nc]
    cls_target = torch.zeros_like(cls_flat)
    box_losses, kpt_losses, vis_losses, positives = [], [], [], 0
    for i, t in enumerate(targets):
        owner = assign(t["boxes"], centres, stride, radius)
        pos = owner >= 0
        k = int(pos.sum())
        if k == 0:
            continue
        positives += k
        gt = t["boxes"][owner[pos]]
        cls_target[i, pos, t["labels"][owner[pos]]] = 1.0
        g, _ = giou(pred_boxes[i, pos], gt)
        box_losses.append((1 - g).sum())
        if len(model_out) > 2:
            kp_raw = model_out[2][i].flatten(1).transpose(0, 1)[pos].view(k, -1, 3)  # [k, K, 3]
            kx = centres[pos, 0:1] + kp_raw[..., 0] * 2 * stride
            ky = centres[pos, 1:2] + kp_raw[..., 1] * 2 * stride
            gk = t["kpts"][owner[pos]]  # [k, K, 3]
            size = ((gt[:, 2] - gt[:, 0]) * (gt[:, 3] - gt[:, 1])).clamp(min=1).sqrt().unsqueeze(1)
            vis = gk[..., 2] > 0
            err = ((kx - gk[..., 0]).abs() + (ky - gk[..., 1]).abs()) / size
            kpt_losses.append((err * vis).sum() / max(1, vis.shape[1]))
            vis_losses.append(F.binary_cross_entropy_with_logits(kp_raw[..., 2], vis.float(), reduction="sum")
                              / max(1, vis.shape[1]))
    norm = max(1, positives)
    l_cls = F.binary_cross_entropy_with_logits(cls_flat, cls_target, reduction="sum") / norm
    l_box = torch.stack(box_losses).sum() / norm if box_losses else cls_flat.sum() * 0
    total = l_cls + box_gain * l_box
    parts = {"cls": float(l_cls), "box": float(l_box)}
    if kpt_losses:
        l_kpt = torch.stack(kpt_losses).sum() / norm
        l_vis = torch.stack(vis_losses).sum() / norm
        total = total + kpt_gain * l_kpt + l_vis
        parts.update(kpt=float(l_kpt), vis=float(l_vis))
    return total, parts


class Exported(nn.Module):
    """The trained net with the decoding inside: input [1, 3, S, S] RGB 0..1, output [1, 4 + nc (+ 3k), N]."""

    def __init__(self, net, size=640):
        super().__init__()
        self.net = net
        cells = size // net.stride
        c = grid(cells, cells, net.stride)
        self.register_buffer("centres", c.t().unsqueeze(0).contiguous())  # [1, 2, N]
        self.n = cells * cells

    def forward(self, images):
        out = self.net(images)
        s = float(self.net.stride)
        cls = torch.sigmoid(out[0]).reshape(1, self.net.classes, self.n)
        d = F.softplus(out[1]).reshape(1, 4, self.n) * s
        lt, rb = d[:, 0:2], d[:, 2:4]
        xy = self.centres + (rb - lt) * 0.5
        wh = lt + rb
        parts = [xy, wh, cls]
        if self.net.keypoints:
            kp = out[2].reshape(1, self.net.keypoints, 3, self.n)
            kxy = self.centres.unsqueeze(1) + kp[:, :, 0:2] * (2 * s)
            kv = torch.sigmoid(kp[:, :, 2:3])
            parts.append(torch.cat([kxy, kv], 2).reshape(1, self.net.keypoints * 3, self.n))
        return torch.cat(parts, 1)


def export(net, path, metadata, size=640):
    """Writes the ONNX file (opset 13, fixed input [1, 3, size, size] named images, output output0) with metadata."""
    import onnx

    net = net.eval()
    wrapped = Exported(net, size).eval()
    dummy = torch.zeros(1, 3, size, size)
    with torch.no_grad():
        torch.onnx.export(wrapped, dummy, str(path), opset_version=13, input_names=["images"],
                          output_names=["output0"], do_constant_folding=True)
    model = onnx.load(str(path))
    model.producer_name = "loupe-training"
    model.doc_string = metadata.get("description", "")
    onnx.helper.set_model_props(model, metadata)
    onnx.checker.check_model(model)
    onnx.save(model, str(path))
    return wrapped


def fit(net, sampler, steps, batch, lr, seed, checkpoint, resume=False, extra=None):
    """Trains `net` on `sampler.batch(batch)` for `steps` steps (AdamW, 100 warm-up steps, cosine decay to 2 %),
    saving {net, opt, step, seconds, **extra} to `checkpoint` every 250 steps; with `resume`, continues from it.
    Returns the training seconds (all sessions)."""
    import math
    import time

    import numpy as np

    opt = torch.optim.AdamW(net.parameters(), lr=lr, weight_decay=5e-4)
    step, spent = 0, 0.0
    if resume and checkpoint.exists():
        state = torch.load(checkpoint)
        net.load_state_dict(state["net"])
        opt.load_state_dict(state["opt"])
        step, spent = state["step"], state["seconds"]
        sampler.rng = np.random.default_rng([seed, step])
        torch.manual_seed(seed + step)
        print(f"resumed at step {step}", flush=True)
    net.train()
    t0, window = time.time(), []
    while step < steps:
        rate = lr * (min(1.0, (step + 1) / 100) * (0.02 + 0.98 * 0.5 * (1 + math.cos(math.pi * step / steps))))
        for g in opt.param_groups:
            g["lr"] = rate
        images, targets = sampler.batch(batch)
        total, parts = loss(net(images), targets, net.stride)
        opt.zero_grad()
        total.backward()
        torch.nn.utils.clip_grad_norm_(net.parameters(), 10.0)
        opt.step()
        step += 1
        window.append(parts)
        if step % 50 == 0:
            mean = {k: sum(p[k] for p in window) / len(window) for k in window[0]}
            window = []
            speed = step / max(1e-9, spent + time.time() - t0)
            print(f"step {step}/{steps} lr {rate:.5f} " + " ".join(f"{k} {v:.3f}" for k, v in mean.items())
                  + f" ({speed:.2f} steps/s)", flush=True)
        if step % 250 == 0 or step == steps:
            checkpoint.parent.mkdir(parents=True, exist_ok=True)
            torch.save(dict(extra or {}, net=net.state_dict(), opt=opt.state_dict(), step=step,
                            seconds=spent + time.time() - t0), checkpoint)
    return spent + time.time() - t0
