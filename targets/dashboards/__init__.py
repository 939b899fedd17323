"""What the dashboards show.

- ``tiles``: the indicator tiles (stored values by area, progress, trend) and the plan's calendar.
- ``attention``: the "needs attention" cards; apps register theirs (``attention_card``).
- ``charts``: the record charts, registered by the apps whose records they chart
  (``record_chart``), cached per recomputation; and an indicator's history chart.
"""

from .attention import Attention, attention
from .charts import ChartData, chart_by_slug, history_chart_data, record_charts
from .tiles import Milestone, Tile, dashboard_year, tiles_by_area, timeline

__all__ = [
    "Attention",
    "ChartData",
    "Milestone",
    "Tile",
    "attention",
    "chart_by_slug",
    "dashboard_year",
    "history_chart_data",
    "record_charts",
    "tiles_by_area",
    "timeline",
]
