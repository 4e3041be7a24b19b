"""JSON Schema export of the public models (the only schema code that touches files)."""

import json
from pathlib import Path

from .catalogue import Catalogue
from .document import Document
from .extraction import Extraction
from .facts import Fact
from .run import RunManifest

from pydantic import TypeAdapter

SCHEMAS = {
    "catalogue": Catalogue,
    "document": Document,
    "extraction": Extraction,
    "run-manifest": RunManifest,
}


def json_schemas() -> dict[str, dict]:
    out = {name: model.model_json_schema() for name, model in SCHEMAS.items()}
    out["fact"] = TypeAdapter(Fact).json_schema()
    return out


def write_schemas(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in json_schemas().items():
        path = out_dir / f"{name}.schema.json"
        path.write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(path)
    return written
