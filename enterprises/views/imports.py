import csv

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, ListView

from core.importing import KINDS
from ipportal.exports import safe_filename, safe_row
from ipportal.permissions import OfficialRequiredMixin

from .. import tasks
from ..forms import ImportUploadForm
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
        context["form"] = kwargs.get("form") or ImportUploadForm()
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


class ImportDetailView(OfficialRequiredMixin, DetailView):
    model = ImportRun
    template_name = "enterprises/import_detail.html"

    def get_object(self, queryset=None):
        run = super().get_object(queryset)
        if run.waiting_for_queue and tasks.requeue(run):
            run.refresh_from_db()
        return run

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
        run = get_object_or_404(ImportRun, pk=pk)
        if run.waiting_for_queue and tasks.requeue(run):
            run.refresh_from_db()
        done, total = runs.progress_of(run)
        return JsonResponse(
            {
                "status": run.status,
                "rows_done": done,
                "rows_total": total,
                "active": run.is_active,
                "waiting_for_queue": run.waiting_for_queue,
            }
        )


class ImportConfirmView(OfficialRequiredMixin, View):
    def post(self, request, pk):
        run = get_object_or_404(ImportRun, pk=pk)
        skip_invalid = request.POST.get("skip_invalid") == "1"
        if run.invalid and not skip_invalid:
            messages.error(request, _("The file has invalid rows: fix them, or choose to skip them."))
        elif not tasks.confirm(run, skip_invalid=skip_invalid):
            messages.error(request, _("This import is not waiting for confirmation."))
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
