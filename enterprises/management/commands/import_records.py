from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from core.importing import KINDS, run_import
from core.importing.engine import RowError
from core.models import ImportLayout
from ipportal.coded import render
from targets.tasks import request_recompute


class Command(BaseCommand):
    help = (
        "Import a list of the given kind: a spreadsheet (XLSX, XLSM, XLS, ODS) or a text table (CSV or "
        "tab-separated, in UTF-8, GB18030 or UTF-16). Invalid rows are listed and nothing is stored, "
        "unless --skip-invalid is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=sorted(KINDS))
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--skip-invalid", action="store_true", help="store the valid rows; write the rejected ones to a CSV"
        )
        parser.add_argument("--rejects", type=Path, help="where to write the rejected rows (default: FILE.rejects.csv)")
        parser.add_argument("--dry-run", action="store_true", help="validate and count, store nothing")
        parser.add_argument(
            "--layout",
            help="read the columns with this saved layout (default: the saved layout of the file's headers, if any)",
        )
        parser.add_argument("--lang", default=settings.LANGUAGE_CODE, help="language of the messages (zh-hans or en)")

    def handle(self, *args, **options):
        translation.activate(options["lang"])
        kind = KINDS[options["kind"]]
        layout = None
        if options["layout"]:
            layout = ImportLayout.objects.filter(name=options["layout"]).first()
            if layout is None:
                names = ", ".join(ImportLayout.objects.filter(kind=kind.name).values_list("name", flat=True))
                raise CommandError(
                    translation.gettext("No saved layout is named “%(name)s”. Layouts of this kind: %(names)s")
                    % {"name": options["layout"], "names": names or "—"}
                )
            if layout.kind != kind.name:
                raise CommandError(
                    translation.gettext("The layout “%(name)s” is for %(layout_kind)s, not %(kind)s.")
                    % {
                        "name": layout.name,
                        "layout_kind": getattr(KINDS.get(layout.kind), "label", layout.kind),
                        "kind": kind.label,
                    }
                )

        def report(error: RowError) -> None:
            self.stderr.write(str(error))

        result = run_import(
            kind,
            options["file"],
            skip_invalid=options["skip_invalid"],
            dry_run=options["dry_run"],
            rejects_path=options["rejects"],
            on_error=report,
            layout=layout,
        )
        for note in result.reading_notes():
            self.stdout.write(note)
        if result.mapping_request:
            raise CommandError(
                result.file_error
                + " "
                + translation.gettext(
                    "Map the file's columns once on the import page (the layout is then found by its headers), "
                    "or name a saved layout with --layout."
                )
            )
        if result.file_error:
            raise CommandError(result.file_error)
        if result.ignored_columns:
            self.stdout.write(
                translation.gettext("Ignored columns: %(columns)s")
                % {"columns": ", ".join(map(render, result.ignored_columns))}
            )
        if result.refused:
            raise CommandError(
                translation.gettext("%(count)d invalid rows; nothing was stored.") % {"count": result.invalid}
            )
        self.stdout.write(result.summary())
        unmatched = result.listed.get("unmatched_holders")
        if unmatched:
            names = ", ".join(f"{name} ({count})" for name, count in unmatched[:20])
            self.stdout.write(
                translation.gettext("Holders matching no park enterprise (records): %(names)s") % {"names": names}
            )
        if result.committed:
            request_recompute(f"import {options['kind']} {options['file'].name} (command line)")
        if result.dry_run:
            self.stdout.write(translation.gettext("Dry run: nothing was stored."))
        if result.rejects_path:
            self.stdout.write(translation.gettext("Rejected rows written to %(path)s") % {"path": result.rejects_path})
