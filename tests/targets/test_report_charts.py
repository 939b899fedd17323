"""The report's and dossier's SVG charts: labels that fit, value axes, data labels, legends."""

import itertools
import re

from targets.dashboards import ChartData
from targets.report_charts import WIDTH, bar_svg, progress_svg, svg_png, text_width, wrap

TEXT = re.compile(r'<text x="([\d.]+)" y="([\d.]+)" text-anchor="(\w+)"[^>]*>([^<]*)</text>')
NAMES = [f"湖北荆门{word}新材料科技股份有限公司" for word in "甲乙丙丁戊己庚辛壬癸"]


def texts(svg: str) -> list[tuple[float, float, str, str]]:
    return [(float(x), float(y), anchor, text) for x, y, anchor, text in TEXT.findall(svg)]


def height(svg: str) -> float:
    return float(re.search(r'height="([\d.]+)"', svg).group(1))


def test_long_enterprise_names_are_horizontal_bars_one_name_per_row():
    chart = ChartData("top", "前十企业", "bar", NAMES, [("有效发明专利", list(range(40, 30, -1)))])
    svg = bar_svg(chart)
    labels = [t for t in texts(svg) if t[2] == "end" and t[0] > 100]
    rows = sorted({round(y) for _x, y, _a, _t in labels})
    assert all(b - a >= 10 for a, b in itertools.pairwise(rows))  # no two lines on top of each other
    shown = "".join(t[3] for t in labels).replace("…", "")
    for name in NAMES:
        assert name[:8] in shown
    assert all(x - text_width(text) >= 0 for x, _y, _a, text in labels)  # inside the chart on the left


def test_bars_have_a_value_axis_and_data_labels():
    chart = ChartData("trademarks", "商标", "bar", [2023, 2024, 2025], [("注册", [155, 164, 189])])
    words = [t[3] for t in texts(bar_svg(chart))]
    assert {"155", "164", "189"} <= set(words)  # a label on every bar
    assert "0" in words and "200" in words  # the axis runs 0 … a round number above the top


def test_stacked_bars_show_their_totals():
    chart = ChartData("patents", "专利", "stacked", [2024, 2025], [("发明", [80, 90]), ("实用新型", [200, 250])])
    words = [t[3] for t in texts(bar_svg(chart))]
    assert {"280", "340"} <= set(words)


def test_a_long_legend_wraps_inside_the_chart():
    series = [(f"中国工商银行股份有限公司荆门分行{i}", [i, i + 1]) for i in range(6)]
    svg = bar_svg(ChartData("pledges", "质押", "stacked", [2024, 2025], series))
    legend = [t for t in texts(svg) if t[3].startswith("中国工商银行")]
    assert len(legend) == 6
    assert all(x + text_width(text) <= WIDTH for x, _y, _a, text in legend)
    assert all(y <= height(svg) for _x, y, _a, _t in legend)
    assert len({y for _x, y, _a, _t in legend}) > 1


def test_category_names_wrap_under_their_bars():
    categories = ["绿色化工", "新能源新材料与高端装备制造", "生物医药"]
    svg = bar_svg(ChartData("industries", "产业", "bar", categories, [("专利", [3, 5, 2])]))
    for line in wrap("新能源新材料与高端装备制造", (WIDTH - 54) / 3 - 4):
        assert line in [t[3] for t in texts(svg)]


def test_nothing_to_draw_draws_nothing():
    assert bar_svg(ChartData("x", "x", "bar", [], [])) == ""
    assert bar_svg(ChartData("x", "x", "stacked", [2025], [])) == ""
    assert progress_svg([]) == ""


def test_progress_bars_show_the_percentage_and_an_axis():
    svg = progress_svg([{"code": "C1", "progress": 63.44, "status": "behind"}])
    words = [t[3] for t in texts(svg)]
    assert "63.44%" in words and "0%" in words and "100%" in words


def test_a_chart_renders_to_png_for_the_docx():
    png = svg_png(bar_svg(ChartData("t", "t", "bar", ["甲"], [("乙", [1])])))
    assert png.startswith(b"\x89PNG")
