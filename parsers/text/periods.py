"""Period words of Indonesian reports: quarters ('Triwulan II', 'TW 3', 'Trw I'), semesters,
years ('Th. 2024'), months; every input path reads period labels by them."""

import re

QUARTER_WORDS = ("triwulan", "tw", "trw", "semester")
PERIOD_WORDS = QUARTER_WORDS + ("tahun", "th", "bulan", "periode")
# a quarter's label: the word and its numeral ('Triwulan II', 'TW 3', 'Semester 1')
QUARTER_LABEL = re.compile(rf"\b(?:{'|'.join(QUARTER_WORDS)})\s*(?:iv|iii|ii|i|[1-4])\b", re.I)
