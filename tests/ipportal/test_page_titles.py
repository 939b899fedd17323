"""A page's <title> is text: the tab, the history and screen readers read it (issue 18)."""

import re
from pathlib import Path

from django.conf import settings
from django.urls import reverse

TITLE_BLOCK = re.compile(r"{% block title %}(.*?){% endblock", re.S)


def templates() -> list[Path]:
    root = Path(settings.BASE_DIR)
    return [path for path in root.glob("**/templates/**/*.html") if ".venv" not in path.parts]


def test_no_template_puts_markup_in_the_title_block():
    markup = {
        str(path.relative_to(settings.BASE_DIR)): block
        for path in templates()
        for block in TITLE_BLOCK.findall(path.read_text(encoding="utf-8"))
        if "<" in block
    }
    assert markup == {}


def test_the_indicator_page_title_is_its_code_and_name(official_client):
    page = official_client.get(reverse("targets:indicator-detail", args=["C1"])).content.decode()
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert title.startswith("C1 ") and "<" not in title and "script" not in title
