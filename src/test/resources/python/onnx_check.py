"""Checks ONNX files with the onnx package (Debian's python3-onnx) and describes them as JSON.

Reads {"paths": ["a.onnx", ...]} on standard input. For every file: onnx.checker.check_model with
full_check=True (which includes strict shape inference), then onnx.shape_inference.infer_shapes with
check_type and strict_mode. Any problem raises, and the exit code reports it. Writes on standard output a
list with, per file, what a reader of the file sees: versions, producer, metadata, graph inputs and outputs
with their shapes, nodes with attributes, initializers with their values, and the shapes inference found for
every tensor between nodes. Nothing here knows how Neural Playground writes the files.
"""
import json
import sys

import onnx
from onnx import numpy_helper, shape_inference


def shape(value_info):
    tensor = value_info.type.tensor_type
    dims = []
    for d in tensor.shape.dim:
        which = d.WhichOneof("value")
        dims.append(d.dim_value if which == "dim_value" else d.dim_param if which == "dim_param" else None)
    return {"name": value_info.name, "elem_type": tensor.elem_type, "shape": dims}


def attribute(a):
    value = onnx.helper.get_attribute_value(a)
    return {"type": a.type, "value": value.decode() if isinstance(value, bytes) else value}


def describe(path):
    model = onnx.load(path)
    onnx.checker.check_model(model, full_check=True)
    inferred = shape_inference.infer_shapes(model, check_type=True, strict_mode=True)
    graph = model.graph
    return {
        "ir_version": model.ir_version,
        "opset_import": [{"domain": o.domain, "version": o.version} for o in model.opset_import],
        "producer_name": model.producer_name,
        "producer_version": model.producer_version,
        "doc_string": model.doc_string,
        "metadata": {p.key: p.value for p in model.metadata_props},
        "graph_name": graph.name,
        "inputs": [shape(v) for v in graph.input],
        "outputs": [shape(v) for v in graph.output],
        "nodes": [{"name": n.name, "op_type": n.op_type, "domain": n.domain, "inputs": list(n.input),
                   "outputs": list(n.output), "attributes": {a.name: attribute(a) for a in n.attribute}}
                  for n in graph.node],
        "initializers": [{"name": t.name, "data_type": t.data_type, "dims": list(t.dims),
                          "values": numpy_helper.to_array(t).astype(float).ravel().tolist()}
                         for t in graph.initializer],
        "inferred": [shape(v) for v in list(inferred.graph.value_info) + list(inferred.graph.output)],
    }


def main():
    request = json.load(sys.stdin)
    json.dump([describe(p) for p in request["paths"]], sys.stdout)


if __name__ == "__main__":
    main()
