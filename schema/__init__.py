"""pydantic v2 models of the whole pipeline. Data only: no I/O, no parsing."""

from .base import SCHEMA_VERSION, Model
from .catalogue import AgencyCatalogue, Band, CanonicalMatch, Catalogue, CatalogueIndicator, Nomenclature
from .document import (
    Block, Cell, Document, Formula, Heading, ListBlock, Page, PageBreak, Paragraph, Table,
)
from .extraction import Extraction
from .paged import AnyDocument, BlockPages, PagedDocument
from .facts import BudgetFact, DefinitionFact, Fact, IndicatorFact, MetaFact
from .lexicon import Lexicon
from .provenance import BBox, Provenance
from .records import (
    Agency, BudgetValue, CapaianFormula, Definition, Finding, IndicatorValue, Meta, Part, ScoreValue,
    Signatory,
)
from .run import FileResult, RunManifest, StageError
from .source import SourceFile
from .values import Reading, Value

__all__ = [
    "SCHEMA_VERSION", "Model", "AgencyCatalogue", "Nomenclature", "Band", "CanonicalMatch", "Catalogue", "CatalogueIndicator", "Block", "Cell", "Document", "Formula", "Heading", "ListBlock",
    "Page", "PageBreak", "AnyDocument", "BlockPages", "PagedDocument", "Paragraph", "Table", "Extraction", "BudgetFact", "DefinitionFact",
    "Fact", "IndicatorFact", "MetaFact", "Lexicon", "BBox", "Provenance", "Agency", "BudgetValue",
    "CapaianFormula", "Definition", "Finding", "IndicatorValue", "Meta", "Part", "ScoreValue", "Signatory", "FileResult",
    "RunManifest", "StageError", "SourceFile", "Reading", "Value",
]
