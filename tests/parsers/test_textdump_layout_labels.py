"""A form's 'Label : value' lines over a table (-layout dumps) are no part of the table."""

from tests.forms import generate
from tests.parsing import parse


def test_label_value_lines_above_a_table_stay_out_of_its_header(tmp_path):
    # a DPA prints 'Urusan Pemerintahan : 1.12' and 'Organisasi : ...' over its table
    g = generate("dpa", "ruled", seed=0, out_dir=tmp_path)
    paths = parse(g.text_paths["layout"]).tables()[0].column_paths
    assert any("URAIAN" in p for p in paths)
    assert not any("Urusan Pemerintahan" in p or "Organisasi" in p for p in paths)
