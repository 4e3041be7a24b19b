"""Seed documents parsed once per test session, for the extract tests that read real inputs."""

from functools import lru_cache

from kinerja.extract import doctype, meta, tables
from tests.parsing import parse
from kinerja.schema import Document

from ..conftest import CORPUS

PK = "pk-2023-diskominfo-kota-medan"
LKJIP = "lkjip-2024-diskominfo-prov-babel"
IKU = "iku-2020-diskominfo-kab-bengkulu-selatan"
RENSTRA_DO = "renstra-do-2025-diskominfotik-kota-blitar"
SEEDS = (PK, LKJIP, IKU, RENSTRA_DO)


@lru_cache(maxsize=None)
def seed(stem: str) -> Document:
    return parse(CORPUS / f"{stem}.txt")


@lru_cache(maxsize=None)
def seed_steps(stem: str):
    """(doc, parts, meta, indicators, budgets) as extract_document chains them."""
    doc = seed(stem)
    parts = doctype.find_parts(doc)
    info = meta.read_meta(doc, parts)
    indicators, budgets = tables.read_tables(doc, parts, info)
    return doc, parts, info, indicators, budgets
