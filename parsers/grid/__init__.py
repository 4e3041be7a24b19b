"""The found-table model every finder shares: a grid of cells (model), its header rows and
column paths (headers), tables joined over page breaks (joins) and refitted to the columns
they continue (refit), stacked fractions in cells (fractions)."""
