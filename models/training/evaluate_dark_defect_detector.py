#!/usr/bin/python3
"""Measures an ONNX detector in the YOLOv8 detect format against a Loupe defect scene's ground truth.

    /usr/bin/python3 models/training/evaluate_dark_defect_detector.py [--model M.onnx] [--scene sample-data/defect]
    /usr/bin/python3 models/training/evaluate_dark_defect_detector.py --sweep     # tune make_dark_defect_detector.py

ONNX Runtime for Python is not installed here (no PyPI), and python3-onnx 1.12 has no reference evaluator, so the
graph is run by the small numpy interpreter below: it executes the ONNX file's own nodes (only the operators the
dark-defect graph uses). The numbers that go into the manifest are measured again with the real ONNX Runtime (Java)
by the generator module's DemoModelTest; both follow the same protocol:

  * frames decoded with FFmpeg, letterboxed 640x480 -> 640x640 (80 rows of gray 114 above and below), RGB / 255;
  * detections with score >= --conf, greedy NMS at IoU --nms;
  * a detection is a true positive when it matches (IoU >= --iou, each ground-truth box once) a defect that lies
    entirely in the frame; one that matches only a defect cut by the frame edge is ignored; every other one is a
    false positive;
  * a part's verdict is NG iff some detection has its centre inside the part's box in some frame where the whole
    part is in view; verdict accuracy is the share of such parts whose verdict matches the ground truth.
"""

import argparse
import itertools
import json
import pathlib
import subprocess
import sys

import numpy as np
import onnx
from onnx import numpy_helper

sys.dont_write_bytecode = True  # no __pycache__ in the repository
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import make_dark_defect_detector as maker  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
PAD = 80  # letterbox rows above and below a 640x480 frame


# ---------------------------------------------------------------------------------------------- numpy interpreter
def _pool(x, attrs, reduce, pad_value):
    k = attrs["kernel_shape"]
    s = attrs.get("strides", [1, 1])
    p = attrs.get("pads", [0, 0, 0, 0])
    x = np.pad(x, ((0, 0), (0, 0), (p[0], p[2]), (p[1], p[3])), constant_values=pad_value)
    if reduce is np.max and s == [1, 1]:  # separable running maximum: fast for the morphology
        rows = x[:, :, :x.shape[2] - k[0] + 1]
        for i in range(1, k[0]):
            rows = np.maximum(rows, x[:, :, i:x.shape[2] - k[0] + 1 + i])
        out = rows[:, :, :, :x.shape[3] - k[1] + 1]
        for j in range(1, k[1]):
            out = np.maximum(out, rows[:, :, :, j:x.shape[3] - k[1] + 1 + j])
        return out
    if k == s and x.shape[2] % k[0] == 0 and x.shape[3] % k[1] == 0:  # non-overlapping blocks
        b, c, h, w = x.shape
        return reduce(x.reshape(b, c, h // k[0], k[0], w // k[1], k[1]), axis=(3, 5))
    windows = np.lib.stride_tricks.sliding_window_view(x, k, axis=(2, 3))[:, :, ::s[0], ::s[1]]
    return reduce(windows, axis=(-2, -1))


OPS = {
    "Conv": lambda i, a: np.einsum("bchw,oc->bohw", i[0], i[1][:, :, 0, 0]),
    "AveragePool": lambda i, a: _pool(i[0], a, np.mean, 0),
    "MaxPool": lambda i, a: _pool(i[0], a, np.max, -np.inf),
    "Neg": lambda i, a: -i[0],
    "Sub": lambda i, a: i[0] - i[1],
    "Max": lambda i, a: np.maximum(i[0], i[1]),
    "Pad": lambda i, a: np.pad(i[0], list(zip(i[1][:4], i[1][4:])), mode="edge"),
    "Add": lambda i, a: i[0] + i[1],
    "Mul": lambda i, a: i[0] * i[1],
    "Div": lambda i, a: i[0] / i[1],
    "Sigmoid": lambda i, a: 1 / (1 + np.exp(-i[0])),
    "Greater": lambda i, a: i[0] > i[1],
    "Cast": lambda i, a: i[0].astype(np.float32),
    "Where": lambda i, a: np.where(i[0], i[1], i[2]),
    "Concat": lambda i, a: np.concatenate(i, axis=a["axis"]),
    "Reshape": lambda i, a: i[0].reshape(i[1]),
    "Split": lambda i, a: np.split(i[0], np.cumsum(i[1])[:-1], axis=a["axis"]),
}


class Graph:
    """Runs an ONNX graph's nodes with numpy; values given in `known` are used instead of being computed."""

    def __init__(self, model):
        self.nodes = list(model.graph.node)
        self.inits = {t.name: numpy_helper.to_array(t) for t in model.graph.initializer}
        self.output = model.graph.output[0].name
        for n in self.nodes:
            if n.op_type not in OPS:
                raise SystemExit(f"the numpy interpreter has no {n.op_type} (node {n.name}); add it to OPS")

    def run(self, known, want=None):
        values = dict(self.inits)
        values.update(known)
        needed, stack = set(), [want or self.output]
        producer = {o: n for n in self.nodes for o in n.output}
        while stack:  # only the nodes between the known values and the wanted one
            name = stack.pop()
            if name in needed or name in values:
                continue
            needed.add(name)
            stack.extend(producer[name].input)
        for n in self.nodes:
            if not any(o in needed for o in n.output):
                continue
            attrs = {a.name: onnx.helper.get_attribute_value(a) for a in n.attribute}
            result = OPS[n.op_type]([values[i] for i in n.input], attrs)
            for name, value in zip(n.output, result if n.op_type == "Split" else [result]):
                values[name] = value.astype(bool if n.op_type == "Greater" else np.float32, copy=False)
        return values[want or self.output]


# ---------------------------------------------------------------------------------------------- scene and protocol
def frames(video):
    cmd = ["ffmpeg", "-v", "error", "-i", str(video), "-f", "rawvideo", "-pix_fmt", "rgb24", "-"]
    with subprocess.Popen(cmd, stdout=subprocess.PIPE) as proc:
        size = 640 * 480 * 3
        while True:
            raw = proc.stdout.read(size)
            if len(raw) < size:
                return
            yield np.frombuffer(raw, np.uint8).reshape(480, 640, 3)


def letterbox(rgb):
    padded = np.full((640, 640, 3), 114, np.uint8)
    padded[PAD:PAD + 480] = rgb
    return (padded.transpose(2, 0, 1)[None].astype(np.float32) / 255.0)


def iou(a, b):
    ix = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = ix * iy
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def detections(output, conf, nms):
    out = output[0]
    keep = np.nonzero(out[4] >= conf)[0]
    boxes = []
    for i in keep[np.argsort(-out[4][keep], kind="stable")]:
        cx, cy, w, h, s = out[:, i]
        box = (cx - w / 2, cy - h / 2 - PAD, cx + w / 2, cy + h / 2 - PAD, float(s))
        if all(iou(box, k) < nms for k in boxes):
            boxes.append(box)
    return boxes


def xyxy(b):
    return (b[0], b[1], b[0] + b[2], b[1] + b[3])


class Tally:
    def __init__(self, truth):
        self.truth = truth
        self.tp = self.fp = self.fn = self.ignored = 0
        self.by_class = {}
        self.flagged = set()

    def add(self, index, dets, iou_min):
        frame = self.truth["frames"][index]
        gts = [(d, xyxy(d["box"])) for d in frame["defects"]]
        matched = set()
        for det in dets:
            best, best_iou = None, iou_min
            for k, (d, box) in enumerate(gts):
                v = iou(det, box)
                if k not in matched and v >= best_iou:
                    best, best_iou = k, v
            if best is None:
                self.fp += 1
            elif gts[best][0]["truncated"]:
                matched.add(best)
                self.ignored += 1
            else:
                matched.add(best)
                self.tp += 1
                c = gts[best][0]["class"]
                self.by_class.setdefault(c, [0, 0])[0] += 1
        for k, (d, _) in enumerate(gts):
            if not d["truncated"]:
                self.by_class.setdefault(d["class"], [0, 0])[1] += 1
                if k not in matched:
                    self.fn += 1
        for part in frame["parts"]:
            if part["truncated"]:
                continue
            px1, py1, px2, py2 = xyxy(part["box"])
            if any(px1 <= (d[0] + d[2]) / 2 < px2 and py1 <= (d[1] + d[3]) / 2 < py2 for d in dets):
                self.flagged.add(part["id"])

    def report(self):
        judged = [p for p in self.truth["parts"] if any(
            q["id"] == p["id"] and not q["truncated"] for f in self.truth["frames"] for q in f["parts"])]
        correct = sum((p["verdict"] == "NG") == (p["id"] in self.flagged) for p in judged)
        precision = self.tp / max(1, self.tp + self.fp)
        recall = self.tp / max(1, self.tp + self.fn)
        return dict(precision=round(precision, 4), recall=round(recall, 4), tp=self.tp, fp=self.fp, fn=self.fn,
                    ignored=self.ignored, parts=len(judged), verdict_accuracy=round(correct / max(1, len(judged)), 4),
                    missed_ng=sum(p["verdict"] == "NG" and p["id"] not in self.flagged for p in judged),
                    false_ng=sum(p["verdict"] == "OK" and p["id"] in self.flagged for p in judged),
                    recall_by_class={c: round(v[0] / max(1, v[1]), 3) for c, v in sorted(self.by_class.items())})


def evaluate(graph, scene, conf, nms, iou_min, step=1, cache=None):
    truth = json.loads((scene / "ground-truth.json").read_text())
    tally = Tally(truth)
    for index, rgb in enumerate(frames(scene / truth["video"]["file"])):
        if index % step:
            continue
        if cache is not None and index in cache:
            known = {"small": cache[index]}
        else:
            known = {"images": letterbox(rgb)}
        if cache is not None and index not in cache:
            cache[index] = graph.run(known, "small")
            known = {"small": cache[index]}
        tally.add(index, detections(graph.run(known), conf, nms), iou_min)
    return tally.report()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", type=pathlib.Path, default=ROOT / "models/zoo/dark-defect.onnx")
    parser.add_argument("--scene", type=pathlib.Path, default=ROOT / "sample-data/defect")
    parser.add_argument("--conf", type=float, default=0.5)
    parser.add_argument("--nms", type=float, default=0.45)
    parser.add_argument("--iou", type=float, default=0.3)
    parser.add_argument("--sweep", action="store_true", help="grid-search the maker's parameters instead")
    parser.add_argument("--step", type=int, default=1, help="use every n-th frame")
    args = parser.parse_args()
    if not args.sweep:
        graph = Graph(onnx.load(str(args.model)))
        print(json.dumps(evaluate(graph, args.scene, args.conf, args.nms, args.iou, args.step), indent=2))
        return
    cache = {}
    grid = dict(kernel=[9], threshold=[0.09, 0.1, 0.11], extent_threshold=[0.05], relative=[0.3, 0.4, 0.5])
    for values in itertools.product(*grid.values()):
        params = dict(maker.DEFAULTS, **dict(zip(grid, values)))
        graph = Graph(maker.build(**params))
        result = evaluate(graph, args.scene, args.conf, args.nms, args.iou, args.step, cache)
        print(json.dumps({k: params[k] for k in grid} | result), flush=True)


if __name__ == "__main__":
    main()
