#!/usr/bin/env bash
# Checks Loupe's GPU execution providers on an NVIDIA machine: builds the models module with -Pgpu (onnxruntime_gpu),
# then runs io.loupe.models.bench.GpuCheck on real models from ../shared/testdata, twice on one engine cache:
#   pass 1 (cold cache): CUDA and TensorRT load; CUDA (FP32) and TensorRT (FP16) outputs match the CPU within a
#          tolerance, as raw tensors and as detections; TensorRT builds engines at load into the cache; a second
#          start in the same process reuses them; load and run timings of every provider.
#   pass 2 (new process, warm cache): the first TensorRT start loads the engines pass 1 cached, without building.
# Needs: an NVIDIA GPU and driver, CUDA 12.x, cuDNN 9 and TensorRT 10 libraries on the library path (the versions
# onnxruntime_gpu 1.29.0 is built for), a JDK 17, and either network access to Maven Central or a ~/.m2 that already
# holds com.microsoft.onnxruntime:onnxruntime_gpu:1.29.0 (642 MB).
# Usage, from anywhere:  models/gpu-check.sh [--runs N] [--keep-cache DIR]
# Exit code: 0 all checks passed, 1 a check failed, 2 the machine or the build is not ready (the reason is printed).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
TESTDATA="${LOUPE_TESTDATA:-$ROOT/../shared/testdata}"
RUNS=100
CACHE=""
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --keep-cache) CACHE="$2"; shift 2 ;;
    *) echo "gpu-check: unknown argument $1 (known: --runs N, --keep-cache DIR)" >&2; exit 2 ;;
  esac
done
WORK="$(mktemp -d -t loupe-gpu-check.XXXXXX)"
CACHE="${CACHE:-$WORK/engine-cache}"
mkdir -p "$CACHE"

echo "== machine"
if ! command -v nvidia-smi >/dev/null 2>&1; then
  echo "gpu-check: nvidia-smi not found: this machine has no NVIDIA driver" >&2
  exit 2
fi
nvidia-smi --query-gpu=name,driver_version,memory.total,compute_cap --format=csv,noheader || true
missing=""
for lib in libcudart.so.12 libcublas.so.12 libcudnn.so.9 libnvinfer.so.10; do
  if ! ldconfig -p 2>/dev/null | grep -q "$lib" \
      && ! (IFS=:; for d in ${LD_LIBRARY_PATH:-}; do [ -e "$d/$lib" ] && exit 0; done; exit 1); then
    missing="$missing $lib"
  fi
done
if [ -n "$missing" ]; then
  echo "gpu-check: not found on the library path:$missing." >&2
  echo "  onnxruntime_gpu 1.29.0 needs CUDA 12.x, cuDNN 9 and (for TensorRT) TensorRT 10; add their lib folders to" >&2
  echo "  LD_LIBRARY_PATH (pip wheels: nvidia-cudnn-cu12, tensorrt-cu12-libs put them under site-packages)." >&2
  if [[ "$missing" == *libcudart.so.12* ]] && ldconfig -p 2>/dev/null | grep -q "libcudart.so.13"; then
    echo "  This machine has CUDA 13 (libcudart.so.13), which the CUDA 12 build of onnxruntime_gpu cannot load: install" >&2
    echo "  CUDA 12's runtime libraries beside it (cudart, cublas, cublasLt, curand), or use a CUDA 12 image." >&2
  fi
  [[ "$missing" == *libnvinfer* && "$missing" != *libcudart* && "$missing" != *libcudnn* ]] \
    && echo "  Continuing: CUDA can be checked; every TensorRT check will fail." >&2 \
    || exit 2
fi

echo "== build (models module, -Pgpu)"
LIB="models/target/gpu-lib"
if ! ./mvnw -B -q -o -Pgpu -pl models -DskipTests package dependency:copy-dependencies -DincludeScope=runtime \
    -DoutputDirectory=target/gpu-lib 2>"$WORK/build-offline.log"; then
  echo "offline build failed (onnxruntime_gpu not in ~/.m2?); trying with Maven Central"
  if ! ./mvnw -B -q -Pgpu -pl models -DskipTests package dependency:copy-dependencies -DincludeScope=runtime \
      -DoutputDirectory=target/gpu-lib 2>"$WORK/build.log"; then
    echo "gpu-check: the -Pgpu build failed; see $WORK/build.log (it needs com.microsoft.onnxruntime:onnxruntime_gpu:1.29.0)" >&2
    tail -20 "$WORK/build.log" >&2 || true
    exit 2
  fi
fi
if ! ls "$LIB"/onnxruntime_gpu-*.jar >/dev/null 2>&1; then
  echo "gpu-check: $LIB has no onnxruntime_gpu jar; the -Pgpu profile did not apply" >&2
  exit 2
fi
# Only the GPU jar may be on the class path: the CPU jar's natives would shadow it.
rm -f "$LIB"/onnxruntime-1.*.jar

echo "== models"
MODELS="$WORK/models"
mkdir -p "$MODELS"
link_with_labels() { # name, labels yaml, decoder
  ln -sf "$TESTDATA/detection-coco/$1.onnx" "$MODELS/$1.onnx"
  printf 'decoder: %s\nlabels:\n%s\n' "$3" "$2" > "$MODELS/$1.model.yml"
}
coco_labels="$(sed -e '/^[[:space:]]*$/d' -e "s/.*/  - '&'/" "$TESTDATA/detection-coco/coco.names")"
link_with_labels yolox_nano_coco_416 "$coco_labels" yolox
link_with_labels light_person_detector_192 "  - person" yolox
ln -sf "$TESTDATA/detection-coco/yolov8n_coco_int8dyn_640.onnx" "$MODELS/yolov8n_coco_int8dyn_640.onnx"
ls -l "$MODELS"

# The class path goes through CLASSPATH: ONNX Runtime 1.29 crashes with long java command lines (STACK-NOTES).
export CLASSPATH="$ROOT/$LIB/*:$ROOT/models/target/classes"
ARGS=(--image "$TESTDATA/detection-coco/bus.jpg" --cache "$CACHE" --runs "$RUNS"
      --model "$MODELS/yolox_nano_coco_416.onnx" --model "$MODELS/light_person_detector_192.onnx"
      --model "$MODELS/yolov8n_coco_int8dyn_640.onnx")

echo "== pass 1: cold engine cache $CACHE"
set +e
java -Xmx4g io.loupe.models.bench.GpuCheck "${ARGS[@]}"
first=$?
echo "== pass 2: a new process on the warm cache"
java -Xmx4g io.loupe.models.bench.GpuCheck "${ARGS[@]}" --expect-warm-cache
second=$?
set -e
echo "== engine cache"
find "$CACHE" -maxdepth 2 \( -name '*.engine' -o -name '*timing*' \) -printf '%10s  %p\n' 2>/dev/null | sort -k2 || true
if [ $first -eq 0 ] && [ $second -eq 0 ]; then
  echo "gpu-check: PASS"
  exit 0
fi
echo "gpu-check: FAIL (pass 1 exit $first, pass 2 exit $second)"
[ $first -eq 2 ] || [ $second -eq 2 ] && exit 2
exit 1
