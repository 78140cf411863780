"""Random training crops for the detectors, with their boxes: in-memory uint8 RGB images, each with its labelled boxes
and the regions worth looking at (parts on the belt; for pests, the insects themselves)."""

import numpy as np
import torch
import torch.nn.functional as F


class CropSampler:
    """Crops of `crop` pixels: half centred near a random region, a quarter near a random box, a quarter anywhere
    (each moved by up to a third of the crop), half of them rescaled by 0.75-1.33; flips, brightness, colour and
    noise jitter. Boxes that keep less than half their area in the crop are dropped. With `distractors` (things that
    are not objects but may pass for one), a `distractor_share` of the crops is first centred near one of those."""

    def __init__(self, images, boxes, regions, crop, seed, distractors=None, distractor_share=0.0):
        """images: uint8 [H, W, 3] each at least crop x crop; boxes: float [M, 5] x1, y1, x2, y2, class per image;
        regions and distractors: float [K, 4] per image."""
        self.images, self.boxes, self.regions = images, boxes, regions
        self.distractors, self.distractor_share = distractors, distractor_share
        self.crop = crop
        self.rng = np.random.default_rng(seed)
        self.box_count = sum(len(b) for b in boxes)

    def sample(self):
        rng, s = self.rng, self.crop
        i = int(rng.integers(len(self.images)))
        image, boxes, regions = self.images[i], self.boxes[i], self.regions[i]
        scale = float(np.exp(rng.uniform(np.log(0.75), np.log(1.33)))) if rng.random() < 0.5 else 1.0
        side = int(round(s * scale))
        mode = rng.random()
        if self.distractor_share > 0 and len(self.distractors[i]) and rng.random() < self.distractor_share:
            b = self.distractors[i][rng.integers(len(self.distractors[i]))]
            cx, cy = (b[0] + b[2]) / 2, (b[1] + b[3]) / 2
        elif mode < 0.5 and len(regions):
            b = regions[rng.integers(len(regions))]
            cx, cy = (b[0] + b[2]) / 2, (b[1] + b[3]) / 2
        elif mode < 0.75 and len(boxes):
            b = boxes[rng.integers(len(boxes))]
            cx, cy = (b[0] + b[2]) / 2, (b[1] + b[3]) / 2
        else:
            cx, cy = rng.uniform(0, 1, 2) * image.shape[1::-1]
        cx += rng.uniform(-side / 3, side / 3)
        cy += rng.uniform(-side / 3, side / 3)
        x0 = int(np.clip(round(cx - side / 2), 0, image.shape[1] - side))
        y0 = int(np.clip(round(cy - side / 2), 0, image.shape[0] - side))
        img = torch.from_numpy(image[y0:y0 + side, x0:x0 + side]).permute(2, 0, 1).float()
        labels = boxes[:, 4].astype(np.int64)
        boxes = boxes[:, :4] - np.array([x0, y0, x0, y0], np.float32)
        if side != s:
            img = F.interpolate(img[None], size=(s, s), mode="bilinear", align_corners=False,
                                antialias=side > s)[0]
            boxes = boxes * (s / side)
        clipped = boxes.clip(0, s)
        area = (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])
        kept_area = (clipped[:, 2] - clipped[:, 0]) * (clipped[:, 3] - clipped[:, 1])
        keep = (kept_area >= 0.5 * area) & (clipped[:, 2] - clipped[:, 0] >= 1) & (clipped[:, 3] - clipped[:, 1] >= 1)
        boxes, labels = clipped[keep], labels[keep]
        if rng.random() < 0.5:
            img = img.flip(2)
            boxes = np.stack([s - boxes[:, 2], boxes[:, 1], s - boxes[:, 0], boxes[:, 3]], 1)
        if rng.random() < 0.5:
            img = img.flip(1)
            boxes = np.stack([boxes[:, 0], s - boxes[:, 3], boxes[:, 2], s - boxes[:, 1]], 1)
        gain = rng.uniform(0.75, 1.25) * rng.uniform(0.92, 1.08, 3)
        img = img * torch.tensor(gain, dtype=torch.float32).view(3, 1, 1) + float(rng.uniform(-20, 20))
        if rng.random() < 0.5:
            noise = torch.from_numpy(rng.standard_normal((1, s, s)).astype(np.float32))
            img = img + noise * float(rng.uniform(0, 4))
        img = img.clamp(0, 255) / 255.0
        return img, {"boxes": torch.from_numpy(np.ascontiguousarray(boxes, np.float32)).reshape(-1, 4),
                     "labels": torch.from_numpy(labels)}

    def batch(self, n):
        items = [self.sample() for _ in range(n)]
        return torch.stack([i for i, _ in items]), [t for _, t in items]
