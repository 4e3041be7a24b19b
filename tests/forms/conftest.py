"""Generated documents shared by the generator's tests, the pipeline's scores and the scans' scores:
each (form, variant, seed) is written once per test process. The three modules are one xdist group
(`--dist loadgroup` in pyproject.toml), so one worker generates and all read."""

import pytest

from tests.forms import generate


@pytest.fixture(scope="session")
def generated(tmp_path_factory):
    """generated(form, variant, seed) -> the Generated document, written on first use."""
    out = tmp_path_factory.mktemp("forms")
    cache = {}

    def get(form: str, variant: str, seed: int):
        if (form, variant, seed) not in cache:
            cache[form, variant, seed] = generate(form, variant, seed, out)
        return cache[form, variant, seed]
    return get
