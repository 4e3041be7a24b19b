"""A page's path and image objects, walked once through pdfium's raw API.

Triage (which counts rulings and image cover) and the ruling reader (which turns paths into edges)
look at the same objects; pypdfium2's get_objects builds a helper object for each, several times
the cost of the raw calls, on pages that hold thousands of border rectangles. Form XObjects are
entered as get_objects enters them (to the same depth), and failures raise the same PdfiumError.
"""

import ctypes
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

MAX_DEPTH = 4  # Form XObjects nested deeper than this are not entered


Matrix = tuple[float, float, float, float, float, float]  # a b c d e f, as PDF writes them
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


@dataclass(frozen=True, slots=True)
class PageObject:
    handle: object  # FPDF_PAGEOBJECT, valid while its page is open
    type: int  # pdfium_c.FPDF_PAGEOBJ_PATH, FPDF_PAGEOBJ_IMAGE (or _TEXT when asked for)
    bounds: tuple[float, float, float, float]  # left, bottom, right, top in the page's user space
    # from the space of the Form XObject holding the object to the page's (pdfium gives an object
    # in a form its bounds and points in the form's space: a table drawn in a scaled form)
    form: Matrix = IDENTITY


def apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def compose(outer: Matrix, inner: Matrix) -> Matrix:
    """The matrix taking a point through `inner`, then `outer`."""
    a, b, c, d, e, f = inner
    (A, B), (C, D), (E, F) = apply(outer, a, b), apply(outer, c, d), apply(outer, e, f)
    ox, oy = outer[4], outer[5]
    return A - ox, B - oy, C - ox, D - oy, E, F


def _page_bounds(m: Matrix, left: float, bottom: float, right: float, top: float) -> tuple[float, float, float, float]:
    if m == IDENTITY:
        return left, bottom, right, top
    xs, ys = zip(*(apply(m, x, y) for x in (left, right) for y in (bottom, top)))
    return min(xs), min(ys), max(xs), max(ys)


PATHS_AND_IMAGES = (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE)


def page_objects(page: pdfium.PdfPage, max_depth: int = MAX_DEPTH,
                 kinds: tuple[int, ...] = PATHS_AND_IMAGES) -> list[PageObject]:
    """Objects of the `kinds` asked for (path and image objects unless told) in content order,
    those inside forms included."""
    out: list[PageObject] = []
    bounds = [ctypes.c_float() for _ in range(4)]
    _walk(page.raw, None, IDENTITY, 0, max_depth, bounds, out, kinds)
    return out


def _walk(page_raw, form, matrix: Matrix, level: int, max_depth: int, bounds, out: list[PageObject],
          kinds: tuple[int, ...]) -> None:
    if form is None:
        n = pdfium_c.FPDFPage_CountObjects(page_raw)
        get = lambda i: pdfium_c.FPDFPage_GetObject(page_raw, i)  # noqa: E731
    else:
        n = pdfium_c.FPDFFormObj_CountObjects(form)
        get = lambda i: pdfium_c.FPDFFormObj_GetObject(form, i)  # noqa: E731
    if n < 0:
        raise pdfium.PdfiumError("Failed to get number of pageobjects.")
    for i in range(n):
        obj = get(i)
        if not obj:
            raise pdfium.PdfiumError("Failed to get pageobject.")
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_UNKNOWN:
            raise pdfium.PdfiumError("Failed to determine pageobject type.")
        if kind in kinds:
            if not pdfium_c.FPDFPageObj_GetBounds(obj, *bounds):
                raise pdfium.PdfiumError("Failed to locate pageobject.")
            out.append(PageObject(obj, kind, _page_bounds(matrix, *(b.value for b in bounds)), matrix))
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and level < max_depth - 1:
            _walk(page_raw, obj, compose(matrix, object_matrix(obj)), level + 1, max_depth, bounds, out, kinds)


def object_matrix(obj) -> Matrix:
    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, m):
        raise pdfium.PdfiumError("Failed to get matrix of pageobject.")
    return m.a, m.b, m.c, m.d, m.e, m.f


def image_px_size(obj: PageObject) -> tuple[int, int]:
    w, h = ctypes.c_uint(), ctypes.c_uint()
    if not pdfium_c.FPDFImageObj_GetImagePixelSize(obj.handle, w, h):
        raise pdfium.PdfiumError("Failed to get image size.")
    return w.value, h.value
