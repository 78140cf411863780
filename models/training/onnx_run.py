"""Runs an ONNX file's own graph, node by node, with torch kernels, for the evaluation scripts.

ONNX Runtime for Python is not installed here (no PyPI) and python3-onnx 1.12 has no reference evaluator
(`onnx.reference` arrived in 1.13), so the evaluations execute the exported file itself with the operators below: the
ones `torch.onnx.export` (opset 13) writes for the small conv nets of this folder, each mapped to the torch function
with the ONNX semantics (weights and constants are read from the file, not from a checkpoint). An operator or attribute
outside this set stops the run with its name, so nothing is silently skipped. The Java cross-check with the real ONNX
Runtime is described in README.md.
"""

import numpy as np
import onnx
import torch
import torch.nn.functional as F
from onnx import numpy_helper


def _conv(i, a):
    x, w = i[0], i[1]
    b = i[2] if len(i) > 2 else None
    p = a.get("pads", [0, 0, 0, 0])
    if p[0] != p[2] or p[1] != p[3]:
        x = F.pad(x, (p[1], p[3], p[0], p[2]))
        p = [0, 0, 0, 0]
    if a.get("auto_pad", b"NOTSET") not in (b"NOTSET", "NOTSET"):
        raise SystemExit(f"onnx_run: Conv auto_pad {a['auto_pad']} is not implemented")
    return F.conv2d(x, w, b, stride=tuple(a.get("strides", [1, 1])), padding=(p[0], p[1]),
                    dilation=tuple(a.get("dilations", [1, 1])), groups=a.get("group", 1))


def _resize(i, a):
    mode = a.get("mode", b"nearest").decode()
    coordinates = a.get("coordinate_transformation_mode", b"half_pixel").decode()
    x = i[0]
    scales = i[2] if len(i) > 2 and i[2] is not None and i[2].numel() else None
    size = None if scales is not None else [int(v) for v in i[3][2:]]
    factors = None if scales is None else [float(v) for v in scales[2:]]
    if factors is not None and any(f != int(f) for f in factors):
        raise SystemExit(f"onnx_run: Resize by {factors} is not implemented (only whole factors)")
    if mode == "nearest" and a.get("nearest_mode", b"floor").decode() == "floor" and coordinates == "asymmetric":
        return F.interpolate(x, size=size, scale_factor=factors, mode="nearest")
    if mode == "linear" and coordinates in ("half_pixel", "pytorch_half_pixel"):
        return F.interpolate(x, size=size, scale_factor=factors, mode="bilinear", align_corners=False)
    raise SystemExit(f"onnx_run: Resize mode {mode} with {coordinates} coordinates is not implemented")


def _slice(i, a):
    x, starts, ends = i[0], i[1].tolist(), i[2].tolist()
    axes = i[3].tolist() if len(i) > 3 and i[3] is not None else list(range(len(starts)))
    steps = i[4].tolist() if len(i) > 4 and i[4] is not None else [1] * len(starts)
    index = [slice(None)] * x.dim()
    for s, e, ax, st in zip(starts, ends, axes, steps):
        n = x.shape[ax]
        index[ax] = slice(max(-n, min(s, n)), max(-n - 1, min(e, n)), st)
    return x[tuple(index)]


def _reshape(i, a):
    shape = [int(d) for d in i[1].tolist()]
    shape = [i[0].shape[k] if d == 0 else d for k, d in enumerate(shape)]
    return i[0].reshape(shape)


def _split(i, a):
    sizes = i[1].tolist() if len(i) > 1 and i[1] is not None else a.get("split")
    return list(torch.split(i[0], sizes, dim=a.get("axis", 0)))


def _reduce(fn):
    def run(i, a):
        axes = a.get("axes")
        if len(i) > 1 and i[1] is not None:
            axes = i[1].tolist()
        keep = bool(a.get("keepdims", 1))
        if axes is None:
            axes = list(range(i[0].dim()))
        return fn(i[0], tuple(axes), keep)
    return run


OPS = {
    "Conv": _conv,
    "Resize": _resize,
    "Slice": _slice,
    "Reshape": _reshape,
    "Split": _split,
    "Constant": lambda i, a: a["value"],
    "Identity": lambda i, a: i[0],
    "Relu": lambda i, a: torch.relu(i[0]),
    "Sigmoid": lambda i, a: torch.sigmoid(i[0]),
    "Softplus": lambda i, a: F.softplus(i[0]),
    "Exp": lambda i, a: torch.exp(i[0]),
    "Tanh": lambda i, a: torch.tanh(i[0]),
    "Sqrt": lambda i, a: torch.sqrt(i[0]),
    "Abs": lambda i, a: torch.abs(i[0]),
    "Neg": lambda i, a: -i[0],
    "Add": lambda i, a: i[0] + i[1],
    "Sub": lambda i, a: i[0] - i[1],
    "Mul": lambda i, a: i[0] * i[1],
    "Div": lambda i, a: i[0] / i[1],
    "Pow": lambda i, a: torch.pow(i[0], i[1]),
    "Max": lambda i, a: torch.maximum(i[0], i[1]),
    "Min": lambda i, a: torch.minimum(i[0], i[1]),
    "Concat": lambda i, a: torch.cat(i, a["axis"]),
    "Transpose": lambda i, a: i[0].permute(*a["perm"]),
    "Unsqueeze": lambda i, a: _unsqueeze(i[0], i[1].tolist()),
    "MaxPool": lambda i, a: F.max_pool2d(F.pad(i[0], _pads(a), value=float("-inf")), tuple(a["kernel_shape"]),
                                         tuple(a.get("strides", [1, 1]))),
    "AveragePool": lambda i, a: _avgpool(i[0], a),
    "ReduceMax": _reduce(lambda x, axes, keep: torch.amax(x, axes, keep)),
    "ReduceMean": _reduce(lambda x, axes, keep: torch.mean(x, axes, keep)),
}


def _unsqueeze(x, axes):
    rank = x.dim() + len(axes)
    for axis in sorted(ax % rank for ax in axes):
        x = x.unsqueeze(axis)
    return x


def _pads(a):
    p = a.get("pads", [0, 0, 0, 0])
    return (p[1], p[3], p[0], p[2])


def _avgpool(x, a):
    if a.get("pads", [0, 0, 0, 0]) != [0, 0, 0, 0] and not a.get("count_include_pad", 0):
        p = a["pads"]
        if p[0] != p[2] or p[1] != p[3]:
            raise SystemExit("onnx_run: asymmetric AveragePool padding is not implemented")
        return F.avg_pool2d(x, tuple(a["kernel_shape"]), tuple(a.get("strides", [1, 1])), (p[0], p[1]),
                            count_include_pad=False)
    return F.avg_pool2d(F.pad(x, _pads(a)), tuple(a["kernel_shape"]), tuple(a.get("strides", [1, 1])))


class OnnxGraph:
    """An ONNX model loaded for execution; `run` maps input names to numpy arrays and returns numpy outputs."""

    def __init__(self, path):
        self.model = onnx.load(str(path))
        self.nodes = list(self.model.graph.node)
        self.inits = {t.name: torch.from_numpy(numpy_helper.to_array(t).copy()) for t in self.model.graph.initializer}
        self.inputs = [i.name for i in self.model.graph.input if i.name not in self.inits]
        self.outputs = [o.name for o in self.model.graph.output]
        self.metadata = {p.key: p.value for p in self.model.metadata_props}
        missing = sorted({n.op_type for n in self.nodes if n.op_type not in OPS})
        if missing:
            raise SystemExit(f"onnx_run cannot run {path}: operators {missing} are not implemented; add them to OPS")
        self.attrs = []
        for n in self.nodes:
            attrs = {a.name: onnx.helper.get_attribute_value(a) for a in n.attribute}
            if n.op_type == "Constant":
                attrs["value"] = torch.from_numpy(numpy_helper.to_array(attrs["value"]).copy())
            self.attrs.append(attrs)

    @torch.no_grad()
    def run(self, feeds):
        values = dict(self.inits)
        values.update({k: torch.from_numpy(np.ascontiguousarray(v)) for k, v in feeds.items()})
        values[""] = None
        for n, attrs in zip(self.nodes, self.attrs):
            result = OPS[n.op_type]([values[i] for i in n.input], attrs)
            for name, value in zip(n.output, result if isinstance(result, list) else [result]):
                values[name] = value
        return {name: values[name].numpy() for name in self.outputs}
