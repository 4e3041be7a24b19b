"""Years as these documents print them: four digits from 1950 to 2099, never part of a longer
number ('2024' in a header or a title; not the '2024' of '12.024' or '120245')."""

import re

YEAR_PATTERN = r"(?:19[5-9]\d|20\d\d)"
YEAR = re.compile(rf"(?<![\d.,]){YEAR_PATTERN}(?![\d.,]\d|\d)")


def is_year(text: str) -> bool:
    """The whole text (spaces aside) is a year."""
    return re.fullmatch(YEAR_PATTERN, text.strip()) is not None


def without_years(text: str) -> str:
    """The text with every year taken out (to ask whether any other figure is left)."""
    return YEAR.sub("", text)
