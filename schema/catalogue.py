"""The indicator catalogue and what matching a printed name against it gives.

The catalogue itself is data (normalize/data/indicators.json); these models say what an entry
and a match are, so the file is validated when loaded and exported as JSON Schema.
"""

from typing import Literal, Optional

from pydantic import Field

from .base import Model

Polarity = Literal["higher", "lower", "range"]


class Band(Model):
    """One predikat of an official scale: the score range [low, high) that earns it (the top
    band includes its high)."""

    label: str
    low: Optional[float] = None
    high: Optional[float] = None
    rank: int = Field(ge=1, description="higher is better")


class CatalogueIndicator(Model):
    """One indicator that recurs across dinas, regions and years."""

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", description="stable key, e.g. 'indeks-spbe'")
    name: str = Field(description="canonical name, as the governing regulation words it")
    aliases: list[str] = Field(default_factory=list, description="other printed names of the same indicator")
    unit: Optional[str] = Field(None, description="canonical unit: '%', 'indeks', 'nilai', 'predikat', a count noun")
    polarity: Optional[Polarity] = Field(None, description="which way is better; 'range' for a target band")
    scale: Optional[str] = Field(None, description="a scale of normalize/data/scales.json (also used to "
                                 "read printed predikat): its bands and labels")
    bands: list[Band] = Field(default_factory=list, description="official predikat bands not in scales.json")
    minimum: Optional[float] = None
    maximum: Optional[float] = None
    regulation: Optional[str] = Field(None, description="the regulation that defines the indicator or its scale")
    domain: str = Field(description="'tata-kelola', 'kesehatan', 'penunjang', ...: for browsing, not matching")


class Catalogue(Model):
    version: str = Field(description="bumped whenever an entry is added, removed or changes meaning")
    about: str = ""
    indicators: list[CatalogueIndicator]


class CanonicalMatch(Model):
    """What the catalogue says of one printed indicator name; `id` None is an explicit no-match."""

    id: Optional[str] = None
    name: Optional[str] = Field(None, description="the catalogue entry's canonical name")
    score: float = Field(0.0, ge=0, le=100, description="similarity of the best entry, 0..100")
    runner_up: Optional[str] = Field(None, description="the next best entry's id")
    runner_up_score: float = Field(0.0, ge=0, le=100)
    reason: str = Field(description="why this entry, or why none: the evidence in a few words")
    catalogue_version: str


class Nomenclature(Model):
    """A kind of perangkat daerah every region may have, named without its region."""

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", description="e.g. 'dinas-kominfo'")
    name: str = Field(description="e.g. 'Dinas Komunikasi dan Informatika'")
    aliases: list[str] = Field(default_factory=list, description="abbreviations and merged-nomenclature variants")
    kind: Literal["dinas", "badan", "sekretariat", "inspektorat", "satuan", "kantor", "rsud", "kecamatan",
                  "other"]
    urusan: list[str] = Field(default_factory=list)
    levels: list[Literal["provinsi", "kabupaten", "kota"]] = Field(default_factory=list)


class AgencyCatalogue(Model):
    version: str
    about: str = ""
    agencies: list[Nomenclature]
