"""The publicity events list (docs/import-formats-extra.md)."""

from django.utils.translation import gettext_lazy

from enterprises.importing import Column, ImportKind
from enterprises.importing.values import parse_choice, parse_date, parse_non_negative_int

from .models import PublicityEvent

THEME_LABELS = {
    PublicityEvent.Theme.WORLD_IP_DAY: "4.26世界知识产权日",
    PublicityEvent.Theme.CONSUMER_DAY: "3.15消费者权益日",
    PublicityEvent.Theme.PATENT_WEEK: "中国专利周",
    PublicityEvent.Theme.SCIENCE_WEEK: "科技活动周",
    PublicityEvent.Theme.CAMPUS: "知识产权入企进校",
    PublicityEvent.Theme.OTHER: "其他",
}
parse_theme = parse_choice(
    {
        **{label: value for value, label in THEME_LABELS.items()},
        **{t.value: t for t in PublicityEvent.Theme},
        "世界知识产权日": PublicityEvent.Theme.WORLD_IP_DAY,
        "4.26": PublicityEvent.Theme.WORLD_IP_DAY,
        "3.15": PublicityEvent.Theme.CONSUMER_DAY,
    }
)


class PublicityEventImport(ImportKind):
    name = "publicity_events"
    label = gettext_lazy("Publicity events")
    model = PublicityEvent
    key_fields = ("date", "title")
    columns = [
        Column("date", "日期", required=True, parse=parse_date),
        Column("title", "活动名称", required=True),
        Column("theme", "主题", parse=parse_theme),
        Column("audience", "对象", parse=None),
        Column("attendance", "参加人数", parse=parse_non_negative_int),
        Column("venue", "地点"),
        Column("organiser", "主办单位"),
    ]

    def clean_row(self, values: dict) -> dict:
        fields = {"date": values["date"], "title": values["title"]}
        for name in ("audience", "venue", "organiser"):
            if name in values:
                fields[name] = values[name] or ""
        if "theme" in values:
            fields["theme"] = values["theme"] or PublicityEvent.Theme.OTHER
        if "attendance" in values:
            fields["attendance"] = values["attendance"]
        return fields

    def export_row(self, event: PublicityEvent) -> list:
        return [
            event.date.isoformat(),
            event.title,
            THEME_LABELS[event.theme],
            event.audience,
            "" if event.attendance is None else event.attendance,
            event.venue,
            event.organiser,
        ]
