"""Tables printed without rulings: columns as gutters of whitespace, rows from where each
column's text starts. `tables.unruled_grids` chains the steps."""
