from .annuities import AnnuityReminder
from .enterprises import Enterprise, Industry, Membership
from .imports import ImportRun
from .management import Certification, Honour, InnovationPilot
from .patents import LegalStatus, Patent, PatentType
from .records import Source
from .rights import Copyright, GIProduct, ICLayoutDesign, PlantVariety
from .selfservice import Attachment, Filing, Notification, ReviewEvent, ReviewState
from .trademarks import Trademark, TrademarkStatus, default_expiry

__all__ = [
    "AnnuityReminder",
    "Attachment",
    "Certification",
    "Copyright",
    "Enterprise",
    "Filing",
    "GIProduct",
    "Honour",
    "ICLayoutDesign",
    "ImportRun",
    "Industry",
    "InnovationPilot",
    "LegalStatus",
    "Membership",
    "Notification",
    "Patent",
    "PatentType",
    "PlantVariety",
    "ReviewEvent",
    "ReviewState",
    "Source",
    "Trademark",
    "TrademarkStatus",
    "default_expiry",
]
