"""The finance app's models, by subject: ``pledges`` (U4–U6), ``utilization`` (the park-level
records behind U1–U3, U7–U11 and M6), ``insurance`` (policies, the risk-compensation fund) and
``fund`` (the special IP fund's support items and claims)."""

from .fund import Claim, ClaimLine, ClaimQuerySet, SupportItem
from .insurance import InsurancePolicy, RiskFundEntry
from .pledges import Pledge, PledgedIPType, PledgedItem
from .utilization import (
    Award,
    IPTransaction,
    MajorProject,
    NavigationProject,
    OperationPlatform,
    ServiceInstitution,
    TechContract,
)
from .validators import NOT_NEGATIVE, POSITIVE

__all__ = [
    "NOT_NEGATIVE",
    "POSITIVE",
    "Award",
    "Claim",
    "ClaimLine",
    "ClaimQuerySet",
    "IPTransaction",
    "InsurancePolicy",
    "MajorProject",
    "NavigationProject",
    "OperationPlatform",
    "Pledge",
    "PledgedIPType",
    "PledgedItem",
    "RiskFundEntry",
    "ServiceInstitution",
    "SupportItem",
    "TechContract",
]
