from django.contrib import admin

from .models import YearlyFigure


@admin.register(YearlyFigure)
class YearlyFigureAdmin(admin.ModelAdmin):
    list_display = ["year", "population", "public_budget", "ip_funding", "rd_expenditure", "special_fund"]
