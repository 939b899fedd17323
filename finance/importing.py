"""The pledge list (import-formats.md, "Pledges 质押"): pledges and the rights they name."""

import re
from typing import Any

from django.utils.translation import gettext_lazy, gettext_noop

from core.importing import Column, ImportKind, ImportResult, RowInvalid
from core.importing.values import ImportValueError, clean_text, parse_choice, parse_date, parse_ten_thousand_yuan
from enterprises.importing.enterprises import credit_code_column
from enterprises.importing.rights import iso, parse_patent_number, parse_registration_number
from enterprises.matching import MATCH_LABELS, enterprise_ids, finish_holder_matching, match_holders
from ipportal.coded import coded

from .matching import link_pledged_patents
from .models import IPTransaction, Pledge, PledgedIPType, PledgedItem, TechContract

parse_ip_type = parse_choice(
    {
        "专利": PledgedIPType.PATENT,
        "商标": PledgedIPType.TRADEMARK,
        "著作权": PledgedIPType.COPYRIGHT,
        **{kind.value: kind for kind in PledgedIPType},
    }
)
IP_TYPE_LABELS = {PledgedIPType.PATENT: "专利", PledgedIPType.TRADEMARK: "商标", PledgedIPType.COPYRIGHT: "著作权"}
SEPARATORS = re.compile(r"[;,、]")


def split_numbers(text: str) -> list[str]:
    """'a；b, c、a' -> ['a', 'b', 'c'] (full-width separators are folded by NFKC first)."""
    return list(dict.fromkeys(part.strip() for part in SEPARATORS.split(clean_text(text)) if part.strip()))


def normalise_numbers(ip_type: str, numbers: list[str]) -> list[str]:
    if ip_type == PledgedIPType.PATENT:
        return [parse_patent_number(number) for number in numbers]
    if ip_type == PledgedIPType.TRADEMARK:
        return [parse_registration_number(number) for number in numbers]
    return numbers


# The credit code of the park enterprise in a transaction or a contract (either party).
PARK_CREDIT_CODE = credit_code_column("园区企业统一社会信用代码", label=gettext_lazy("park enterprise's credit code"))


class PledgeImport(ImportKind):
    name = "pledges"
    label = gettext_lazy("Pledges")
    model = Pledge
    key_fields = ("registration_number",)
    extra_labels = MATCH_LABELS
    columns = [
        Column(
            "registration_number",
            "质押登记号",
            required=True,
            parse=lambda raw: clean_text(raw).upper(),
            synonyms=("质押合同登记号", "登记号"),
        ),
        Column("pledgor_name", "出质人", required=True, synonyms=("出质人名称",)),
        credit_code_column(synonyms=("出质人统一社会信用代码", "信用代码")),
        Column("pledgee_name", "质权人", required=True, synonyms=("质权人名称", "贷款银行")),
        Column("ip_type", "质押标的类型", required=True, parse=parse_ip_type, synonyms=("标的类型", "质押物类型")),
        Column(
            "ip_numbers",
            "质押标的号",
            label=gettext_lazy("pledged IP numbers"),
            required=True,
            synonyms=("标的号", "质押专利号", "专利号/注册号"),
        ),
        Column(
            "amount_10k_cny",
            "融资金额(万元)",
            label=gettext_lazy("financing amount (10k CNY)"),
            required=True,
            parse=parse_ten_thousand_yuan,
            synonyms=("质押金额(万元)", "贷款金额(万元)", "担保金额(万元)"),
        ),
        Column("registration_date", "登记日", required=True, parse=parse_date, synonyms=("登记日期", "质押登记日")),
        Column("end_date", "质押期限截止日", parse=parse_date, synonyms=("质押期限至", "到期日")),
    ]

    def clean_row(self, values: dict) -> dict:
        numbers = split_numbers(values["ip_numbers"])
        if not numbers:
            raise RowInvalid("ip_numbers", coded(gettext_noop("required")))
        try:
            numbers = list(dict.fromkeys(normalise_numbers(values["ip_type"], numbers)))
        except ImportValueError as error:
            raise RowInvalid("ip_numbers", error.reason) from None
        if values.get("end_date") and values["end_date"] < values["registration_date"]:
            raise RowInvalid("end_date", coded(gettext_noop("the end date is before the registration date")))
        fields = {
            "registration_number": values["registration_number"],
            "pledgor_name": values["pledgor_name"],
            "pledgee_name": values["pledgee_name"],
            "ip_type": values["ip_type"],
            "amount": values["amount_10k_cny"],
            "registration_date": values["registration_date"],
            "numbers": numbers,
        }
        if "credit_code" in values:
            fields["pledgor_credit_code"] = values["credit_code"] or ""
        if "end_date" in values:
            fields["end_date"] = values["end_date"]
        return fields

    def write_chunk(self, rows: list[dict[str, Any]], result: ImportResult) -> None:
        """Pledges merged by registration number; their numbers replaced when they changed."""
        match_holders(rows, "pledgor_name", "pledgor_credit_code", result, self.key_fields)
        existing = {
            pledge.registration_number: pledge
            for pledge in Pledge.objects.filter(registration_number__in=[r["registration_number"] for r in rows])
        }
        current_numbers: dict[int, list[str]] = {}
        for item in PledgedItem.objects.filter(pledge__in=existing.values()).order_by("pledge_id", "position"):
            current_numbers.setdefault(item.pledge_id, []).append(item.number)

        new, changed, renumbered, changed_fields = [], [], [], set()
        numbers_of: dict[str, list[str]] = {}
        for row in rows:
            numbers = row.pop("numbers")
            numbers_of[row["registration_number"]] = numbers
            row["reconciled"] = True  # an imported row confirms a pledge an enterprise filing declared
            pledge = existing.get(row["registration_number"])
            if pledge is None:
                new.append(Pledge(**row))
                continue
            differing = [name for name, value in row.items() if getattr(pledge, name) != value]
            if numbers != current_numbers.get(pledge.pk, []):
                renumbered.append(pledge)
            if differing:
                for name in differing:
                    setattr(pledge, name, row[name])
                changed_fields.update(differing)
            if differing or numbers != current_numbers.get(pledge.pk, []):
                changed.append(pledge)
            else:
                result.unchanged += 1
        if new:
            Pledge.objects.bulk_create(new, batch_size=1000)
        if changed_fields:
            Pledge.objects.bulk_update(changed, sorted(changed_fields), batch_size=1000)
        if renumbered:
            PledgedItem.objects.filter(pledge__in=renumbered).delete()
        PledgedItem.objects.bulk_create(
            [
                PledgedItem(pledge=pledge, number=number, position=position)
                for pledge in [*new, *renumbered]
                for position, number in enumerate(numbers_of[pledge.registration_number])
            ],
            batch_size=2000,
        )
        result.new += len(new)
        result.updated += len(changed)

    def after_import(self, result: ImportResult) -> None:
        finish_holder_matching(Pledge, result, self.key_fields)
        link_pledged_patents()

    def export_row(self, pledge: Pledge) -> list:
        amount = format((pledge.amount / 10000).normalize(), "f")
        return [
            pledge.registration_number,
            pledge.pledgor_name,
            pledge.pledgor_credit_code,
            pledge.pledgee_name,
            IP_TYPE_LABELS[pledge.ip_type],
            ";".join(item.number for item in pledge.items.all()),
            amount,
            iso(pledge.registration_date),
            iso(pledge.end_date),
        ]


class ParkPartyImport(ImportKind):
    """Rows naming a park party by credit code: the code is kept and matched to the enterprise, as
    holders are (enterprises.matching re-links them when the enterprise arrives later)."""

    def write_chunk(self, rows: list[dict[str, Any]], result: ImportResult) -> None:
        ids = enterprise_ids(row.get("credit_code") or "" for row in rows)
        for row in rows:
            if "credit_code" in row:
                row["party_credit_code"] = row.pop("credit_code") or ""
                row["enterprise_id"] = ids.get(row["party_credit_code"])
                if row["enterprise_id"] is None:
                    result.extra["not_in_park"] = result.extra.get("not_in_park", 0) + 1
        super().write_chunk(rows, result)


parse_transaction_kind = parse_choice(
    {
        "转让": IPTransaction.Kind.TRANSFER,
        "许可": IPTransaction.Kind.LICENCE,
        **{kind.value: kind for kind in IPTransaction.Kind},
    }
)
TRANSACTION_KIND_LABELS = {IPTransaction.Kind.TRANSFER: "转让", IPTransaction.Kind.LICENCE: "许可"}


class TransactionImport(ParkPartyImport):
    name = "transactions"
    label = gettext_lazy("IP transactions")
    model = IPTransaction
    key_fields = ("contract_number",)
    columns = [
        Column("contract_number", "合同编号", required=True),
        Column("kind", "交易类型", required=True, parse=parse_transaction_kind),
        Column("ip_type", "知识产权类型", required=True, parse=parse_ip_type),
        Column("numbers", "专利号/注册号"),
        Column("seller", "让与人/许可人", required=True),
        Column("buyer", "受让人/被许可人", required=True),
        PARK_CREDIT_CODE,
        Column(
            "amount_10k_cny",
            "交易金额(万元)",
            label=gettext_lazy("transaction amount (10k CNY)"),
            required=True,
            parse=parse_ten_thousand_yuan,
        ),
        Column("contract_date", "合同日期", required=True, parse=parse_date),
    ]

    def clean_row(self, values: dict) -> dict:
        fields = {k: values[k] for k in ("contract_number", "kind", "ip_type", "seller", "buyer", "contract_date")}
        fields["amount"] = values["amount_10k_cny"]
        if "numbers" in values:
            fields["numbers"] = ";".join(split_numbers(values["numbers"] or ""))
        if "credit_code" in values:
            fields["credit_code"] = values["credit_code"]
        return fields

    def export_row(self, deal: IPTransaction) -> list:
        return [
            deal.contract_number,
            TRANSACTION_KIND_LABELS[deal.kind],
            IP_TYPE_LABELS[deal.ip_type],
            deal.numbers,
            deal.seller,
            deal.buyer,
            deal.party_credit_code or (deal.enterprise.credit_code if deal.enterprise else ""),
            format((deal.amount / 10000).normalize(), "f"),
            iso(deal.contract_date),
        ]


class TechContractImport(ParkPartyImport):
    name = "tech_contracts"
    label = gettext_lazy("Technology contracts")
    model = TechContract
    key_fields = ("registration_number",)
    columns = [
        Column("registration_number", "登记编号", required=True),
        Column("title", "合同名称", required=True),
        Column("seller", "卖方", required=True),
        Column("buyer", "买方"),
        PARK_CREDIT_CODE,
        Column(
            "turnover_10k_cny",
            "成交额(万元)",
            label=gettext_lazy("turnover (10k CNY)"),
            required=True,
            parse=parse_ten_thousand_yuan,
        ),
        Column("registration_date", "登记日期", required=True, parse=parse_date),
    ]

    def clean_row(self, values: dict) -> dict:
        fields = {k: values[k] for k in ("registration_number", "title", "seller", "registration_date")}
        fields["turnover"] = values["turnover_10k_cny"]
        if "buyer" in values:
            fields["buyer"] = values["buyer"] or ""
        if "credit_code" in values:
            fields["credit_code"] = values["credit_code"]
        return fields

    def export_row(self, contract: TechContract) -> list:
        return [
            contract.registration_number,
            contract.title,
            contract.seller,
            contract.buyer,
            contract.party_credit_code or (contract.enterprise.credit_code if contract.enterprise else ""),
            format((contract.turnover / 10000).normalize(), "f"),
            iso(contract.registration_date),
        ]
