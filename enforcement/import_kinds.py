"""The lists this app imports: enforcement cases (P1) and satisfaction-survey responses (P2)."""

from core.importing import register

from .importing import CaseImport, SurveyResponseImport

register(CaseImport())
register(SurveyResponseImport())
