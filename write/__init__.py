"""The writers: files that readers never see half-written (atomic), an Extraction as JSON record
by record (extraction), and tidy Parquet tables with one DuckDB file (dataset)."""
