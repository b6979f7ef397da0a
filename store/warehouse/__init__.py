"""The warehouse tier: large event stores as hive-partitioned Parquet, queried in process by DuckDB.

    from store.warehouse import Warehouse
    wh = Warehouse(path)                 # the read interface of store/source.py (version, count, aggregate, ...)
    with wh.writer() as w: w.append(arrow_rows)       # deduplicated, partitioned, committed atomically

Layout and guarantees: layout.py; writing: writer.py; streaming GDELT/ACLED imports: imports.py; moving an Arrow
store over: migrate.py. Why and how it was measured: store/README.md ("The warehouse tier").
"""

from __future__ import annotations

from store.warehouse.layout import is_warehouse
from store.warehouse.warehouse import Warehouse

__all__ = ["Warehouse", "is_warehouse"]
