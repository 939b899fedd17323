import csv

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DeleteView, DetailView, ListView, UpdateView

from core.importing import KINDS
from core.importing.engine import NOTHING_TO_IMPORT
from core.importing.headers import guess_mapping, layout_key, save_layout, unnamed_column
from core.models import ImportLayout
from ipportal.coded import render as render_coded
from ipportal.exports import safe_filename, safe_row
from ipportal.permissions import OfficialRequiredMixin

from .. import tasks
from ..forms import ColumnMappingForm, ImportUploadForm, LayoutRenameForm
from ..importing import runs
from ..models import ImportRun


class ImportListView(OfficialRequiredMixin, ListView):
    template_name = "enterprises/import_list.html"
    paginate_by = 25
    max_request_setting = "IMPORT_MAX_UPLOAD_BYTES"  # ipportal.security.RequestLimitsMiddleware

    def get_queryset(self):
        runs = ImportRun.objects.select_related("created_by")
        status = self.request.GET.get("status")
        return runs.filter(status=status) if status in ImportRun.Status.values else runs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        kind = self.request.GET.get("kind")  # "upload it again as …" from a run whose file fits another kind
        context["form"] = kwargs.get("form") or ImportUploadForm(initial={"kind": kind} if kind in KINDS else None)
        context["kinds"] = KINDS.values()
        return context

    def post(self, request):
        form = ImportUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            self.object_list = self.get_queryset()
            return self.render_to_response(self.get_context_data(form=form), status=400)
        upload = form.cleaned_data["file"]
        run = ImportRun.objects.create(
            kind=form.cleaned_data["kind"],
            file=upload,
            original_name=upload.name[:255],
            created_by=request.user,
            language=request.LANGUAGE_CODE,
        )
        tasks.start(run)
        return redirect(run)


def _looked_after(run: ImportRun) -> ImportRun:
    """The run as its page shows it: sent again if it waits for the queue, failed as retryable
    if it lost its worker."""
    if (run.waiting_for_queue and tasks.requeue(run)) or (
        run.is_active and runs.find_lost(ImportRun.objects.filter(pk=run.pk))
    ):
        run.refresh_from_db()
    return run


class ImportMappingView(OfficialRequiredMixin, View):
    """The mapping step: the official says which field each column holds; the layout is saved
    under a name and the file is checked with it."""

    template_name = "enterprises/import_mapping.html"

    def waiting(self, pk) -> bool:
        """Load the run; True when it waits for its columns to be mapped."""
        self.run = get_object_or_404(ImportRun, pk=pk)
        return self.run.status == ImportRun.Status.MAPPING

    def form(self, data=None) -> ColumnMappingForm:
        kind = KINDS[self.run.kind]
        header = self.run.mapping_request.get("header", [])
        stem = self.run.original_name.rsplit(".", 1)[0]
        return ColumnMappingForm(
            data,
            kind=kind,
            header=header,
            guesses=guess_mapping(kind, header),
            initial={"name": f"{kind.label} · {stem}"[:100]},
        )

    def render(self, form, status=200):
        context = {
            "run": self.run,
            "form": form,
            "missing": self.run.mapping_request.get("missing", []),
            "kind": KINDS[self.run.kind],
            "columns": form.column_fields(self.run.mapping_request.get("samples", [])),
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, pk):
        if not self.waiting(pk):
            return redirect(self.run)
        return self.render(self.form())

    def post(self, request, pk):
        if not self.waiting(pk):
            return redirect(self.run)
        form = self.form(request.POST)
        if not form.is_valid():
            return self.render(form, status=400)
        layout = save_layout(form.kind, form.header, form.mapping, form.cleaned_data["name"], request.user)
        moved = ImportRun.objects.filter(pk=self.run.pk, status=ImportRun.Status.MAPPING).update(
            status=ImportRun.Status.PREVIEWING, layout_name=layout.name
        )
        if moved:
            messages.success(
                request, _("The layout “%(name)s” is saved; the file is checked with it.") % {"name": layout.name}
            )
            tasks.start(self.run)
        return redirect(self.run)


class ImportDetailView(OfficialRequiredMixin, DetailView):
    model = ImportRun
    template_name = "enterprises/import_detail.html"

    def get_object(self, queryset=None):
        return _looked_after(super().get_object(queryset))

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if self.object.status == ImportRun.Status.MAPPING:
            return redirect("enterprises:import-mapping", pk=self.object.pk)
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        done, total = runs.progress_of(self.object)
        context.update(
            rows_done=done,
            rows_total=total,
            percent=min(100, round(100 * done / total)) if total else 0,
            kind=KINDS.get(self.object.kind),
        )
        return context


class ImportProgressView(OfficialRequiredMixin, View):
    def get(self, request, pk):
        run = _looked_after(get_object_or_404(ImportRun, pk=pk))
        done, total = runs.progress_of(run)
        return JsonResponse(
            {
                "status": run.status,
                "rows_done": done,
                "rows_total": total,
                "active": run.is_active,
                "waiting_for_queue": run.waiting_for_queue,
                "lost_its_worker": run.lost_its_worker,
            }
        )


class ImportConfirmView(OfficialRequiredMixin, View):
    def post(self, request, pk):
        run = get_object_or_404(ImportRun, pk=pk)
        skip_invalid = request.POST.get("skip_invalid") == "1"
        if run.status == ImportRun.Status.REFUSED_FILE:
            messages.error(request, render_coded(run.message))  # why the file was refused (no rows, …)
        elif run.has_no_rows:
            messages.error(request, _(NOTHING_TO_IMPORT))
        elif run.invalid and not run.has_valid_rows:
            messages.error(
                request, _("No row of the file is valid: fix the file and upload it again, or cancel the import.")
            )
        elif run.invalid and not skip_invalid:
            messages.error(request, _("The file has invalid rows: fix them, or choose to skip them."))
        elif not tasks.confirm(run, skip_invalid=skip_invalid):
            messages.error(request, _("This import is not waiting for confirmation."))
        return redirect(run)


class ImportRetryView(OfficialRequiredMixin, View):
    def post(self, request, pk):
        run = get_object_or_404(ImportRun, pk=pk)
        if tasks.retry(run):
            messages.info(request, _("The import is run again."))
        else:
            messages.error(request, _("Only an import whose worker stopped can be retried."))
        return redirect(run)


class ImportCancelView(OfficialRequiredMixin, View):
    def post(self, request, pk):
        run = get_object_or_404(ImportRun, pk=pk)
        if runs.cancel(run):
            messages.info(request, _("Import cancelled; nothing was stored."))
        return redirect(reverse("enterprises:import-list"))


class ImportRejectsView(OfficialRequiredMixin, View):
    def get(self, request, pk):
        run = get_object_or_404(ImportRun, pk=pk)
        if not run.rejects_file:
            raise Http404
        name = f"{safe_filename(run.original_name.rsplit('.', 1)[0], 'import')}-rejects.csv"
        return FileResponse(run.rejects_file.open("rb"), as_attachment=True, filename=name)


class ImportTemplateView(OfficialRequiredMixin, View):
    """An empty file with the Chinese headers of a kind, to fill in."""

    def get(self, request, kind):
        if kind not in KINDS:
            raise Http404
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = content_disposition_header(True, f"{kind}-template.csv")
        response.write("\ufeff")
        csv.writer(response).writerow(safe_row(KINDS[kind].template_header()))
        return response


class LayoutListView(OfficialRequiredMixin, ListView):
    """The saved column layouts, to rename or delete."""

    model = ImportLayout
    template_name = "enterprises/layout_list.html"
    queryset = ImportLayout.objects.select_related("created_by")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for layout in context["object_list"]:
            kind = KINDS.get(layout.kind)
            fields = {column.key: render_coded(kind.field_name(column)) for column in kind.columns} if kind else {}
            layout.kind_label = kind.label if kind else layout.kind
            layout.columns = [
                (header or render_coded(unnamed_column(index)), fields.get(key, key))
                for index, header in enumerate(layout.headers)
                if (key := layout.mapping.get(layout_key(index, header)))
            ]
        return context


class LayoutRenameView(OfficialRequiredMixin, UpdateView):
    model = ImportLayout
    form_class = LayoutRenameForm
    template_name = "enterprises/layout_form.html"
    success_url = reverse_lazy("enterprises:layout-list")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("The column layout is renamed “%(name)s”.") % {"name": self.object.name})
        return response


class LayoutDeleteView(OfficialRequiredMixin, DeleteView):
    """Delete a layout: files with its headers are mapped again on the next upload."""

    model = ImportLayout
    template_name = "enterprises/layout_confirm_delete.html"
    success_url = reverse_lazy("enterprises:layout-list")

    def form_valid(self, form):
        name = self.object.name
        response = super().form_valid(form)
        messages.success(self.request, _("The column layout “%(name)s” is deleted.") % {"name": name})
        return response
