"""Import files made for tests: many valid rows, in the import format."""

import csv
import datetime as dt
import io

from core.importing import KINDS
from enterprises.codes import patent_check_digit


def patent_csv(rows: int, *, holder_code: str = "", first: int = 0, applied_from: dt.date | None = None) -> str:
    """`rows` valid invention patents numbered from `first`, held by `holder_code` (a park
    enterprise's credit code) or by a holder outside the park when it is empty; applied for one a
    day from `applied_from` (default 2015-01-01, cycling over 3,000 days) and granted 400 days later."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(KINDS["patents"].template_header())
    for i in range(first, first + rows):
        applied = (applied_from or dt.date(2015, 1, 1)) + dt.timedelta(days=i % 3000)
        digits = f"{applied.year}1{i:07d}"
        writer.writerow(
            [
                f"{digits}.{patent_check_digit(digits)}",
                f"一种测试装置{i}",
                "发明",
                applied.isoformat(),
                (applied + dt.timedelta(days=400)).isoformat(),
                "荆门测试企业" if holder_code else "园区外单位",
                holder_code,
                "有效",
                "",
                "",
                "",
                "否",
                "否",
            ]
        )
    return out.getvalue()
