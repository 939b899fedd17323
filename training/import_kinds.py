"""The lists this app imports, registered with the import engine at start-up."""

from core.importing import register

from .importing import AttendanceImport, IPStaffImport, PublicityEventImport, TalentImport

for kind in (PublicityEventImport(), IPStaffImport(), AttendanceImport(), TalentImport()):
    register(kind)
