"""The lists this app imports: the yearly reference figures."""

from core.importing import register

from .importing import YearlyFigureImport

register(YearlyFigureImport())
