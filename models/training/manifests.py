"""Writes and updates the zoo manifests (NAME.model.yml beside NAME.onnx), in the schema io.loupe.models reads
(ModelManifest: name, version, decoder, task, labels, input, confidence, iou, description, preprocess, keypoints,
anomaly, sha256, and the free-form provenance and evaluation)."""

import hashlib
import pathlib

import yaml

KEYS = ("name", "version", "decoder", "task", "labels", "input", "confidence", "iou", "description", "preprocess",
        "keypoints", "strides", "softmax", "anomaly", "sha256", "provenance", "evaluation")


class _Dumper(yaml.SafeDumper):
    """Block style, except that small mappings and lists of plain values are written inline ({width: 640, ...})."""


def _flat(values):
    return all(not isinstance(v, (dict, list)) and len(str(v)) < 40 for v in values)


_Dumper.add_representer(dict, lambda d, v: d.represent_mapping(
    "tag:yaml.org,2002:map", v, flow_style=len(v) <= 6 and _flat(v.values())))
_Dumper.add_representer(list, lambda d, v: d.represent_sequence(
    "tag:yaml.org,2002:seq", v, flow_style=_flat(v)))


def _plain(value):
    """Numbers of numpy's types as Python's, so that the YAML stays plain."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        return value.item()
    return value


def path_for(model):
    model = pathlib.Path(model)
    return model.with_name(model.name.removesuffix(".onnx") + ".model.yml")


def sha256(path):
    return hashlib.sha256(pathlib.Path(path).read_bytes()).hexdigest()


def read(path):
    path = pathlib.Path(path)
    return yaml.safe_load(path.read_text()) or {} if path.exists() else {}


def confidence(path, given=None):
    """The score threshold: the one given on the command line, else the manifest's (0.5 without one)."""
    return given if given is not None else read(path).get("confidence", 0.5)


def write(path, data, header):
    unknown = [k for k in data if k not in KEYS]
    if unknown:
        raise SystemExit(f"manifest keys {unknown} are not in the schema {KEYS}")
    ordered = {k: _plain(data[k]) for k in KEYS if k in data}
    text = yaml.dump(ordered, Dumper=_Dumper, sort_keys=False, width=116, allow_unicode=True)
    comment = "".join(f"# {line}\n".replace("# \n", "#\n") for line in header.strip().splitlines())
    pathlib.Path(path).write_text(comment + text)


def update_evaluation(path, model, evaluation):
    """Replaces the evaluation section, after checking that the manifest describes this very model file."""
    data = read(path)
    digest = sha256(model)
    if data.get("sha256") != digest:
        raise SystemExit(f"{path} has sha256 {data.get('sha256')} but {model} is {digest}: the manifest belongs to "
                         f"another export. Re-run the training script, which rewrites the manifest, then evaluate")
    header = "".join(line[2:] + "\n" if line.startswith("# ") else line[1:] + "\n"
                     for line in pathlib.Path(path).read_text().splitlines() if line.startswith("#"))
    data["evaluation"] = evaluation
    write(path, data, header)
    print(f"updated the evaluation in {path}")
