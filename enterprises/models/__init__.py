from .annuities import AnnuityReminder
from .enterprises import Enterprise, HolderAlias, Industry, Membership, accepted_credit_code
from .held import Source
from .imports import ImportRun
from .management import Certification, Honour, InnovationPilot
from .patents import LegalStatus, Patent, PatentType, patent_in_force_q
from .rights import Copyright, GIProduct, ICLayoutDesign, PlantVariety
from .selfservice import Filing
from .trademarks import Trademark, TrademarkStatus, default_expiry, trademark_in_force_q

__all__ = [
    "AnnuityReminder",
    "Certification",
    "Copyright",
    "Enterprise",
    "Filing",
    "GIProduct",
    "HolderAlias",
    "Honour",
    "ICLayoutDesign",
    "ImportRun",
    "Industry",
    "InnovationPilot",
    "LegalStatus",
    "Membership",
    "Patent",
    "PatentType",
    "PlantVariety",
    "Source",
    "Trademark",
    "TrademarkStatus",
    "accepted_credit_code",
    "default_expiry",
    "patent_in_force_q",
    "trademark_in_force_q",
]
