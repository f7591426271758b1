"""Stripe API object shapes: current (2025-03-31+) and the legacy shape of older extracts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Price:
    id: str
    product: str
    currency: str  # upper-case ISO; Stripe objects get lower-case
    unit_amount: int  # minor units
    interval: str  # day / week / month / year
    interval_count: int
    usage_type: str  # licensed / metered
    nickname: str
    created: int

    def obj(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "object": "price",
            "active": True,
            "billing_scheme": "per_unit",
            "created": self.created,
            "currency": self.currency.lower(),
            "livemode": False,
            "lookup_key": None,
            "metadata": {},
            "nickname": self.nickname,
            "product": self.product,
            "recurring": {
                "interval": self.interval,
                "interval_count": self.interval_count,
                "meter": None,
                "trial_period_days": None,
                "usage_type": self.usage_type,
            },
            "tax_behavior": "exclusive",
            "type": "recurring",
            "unit_amount": self.unit_amount,
            "unit_amount_decimal": str(self.unit_amount),
        }

    def legacy_plan(self) -> dict[str, Any]:
        """The `plan` object older API versions embedded next to `price`."""
        return {
            "id": self.id,
            "object": "plan",
            "active": True,
            "amount": self.unit_amount,
            "currency": self.currency.lower(),
            "interval": self.interval,
            "interval_count": self.interval_count,
            "product": self.product,
            "usage_type": self.usage_type,
        }


@dataclass
class Line:
    id: str
    amount: int
    currency: str
    quantity: int
    start: int
    end: int
    description: str
    price: Price
    subscription: str | None
    subscription_item: str | None
    proration: bool = False
    invoice_item: str | None = None  # set for one-off invoice items
    discount: tuple[int, str] | None = None  # (amount, discount id)

    def obj(self, invoice_id: str, legacy: bool) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "object": "line_item",
            "amount": self.amount,
            "currency": self.currency.lower(),
            "description": self.description,
            "discount_amounts": (
                [{"amount": self.discount[0], "discount": self.discount[1]}]
                if self.discount
                else []
            ),
            "discountable": True,
            "invoice": invoice_id,
            "livemode": False,
            "metadata": {},
            "period": {"end": self.end, "start": self.start},
            "quantity": self.quantity,
        }
        if legacy:
            out["type"] = "invoiceitem" if self.invoice_item else "subscription"
            out["proration"] = self.proration
            out["subscription"] = self.subscription
            out["subscription_item"] = self.subscription_item
            out["invoice_item"] = self.invoice_item
            out["plan"] = self.price.legacy_plan()
            out["price"] = self.price.obj()
            return out
        if self.invoice_item:
            out["parent"] = {
                "type": "invoice_item_details",
                "invoice_item_details": {
                    "invoice_item": self.invoice_item,
                    "proration": False,
                    "proration_details": {"credited_items": None},
                    "subscription": self.subscription,
                },
                "subscription_item_details": None,
            }
        else:
            out["parent"] = {
                "type": "subscription_item_details",
                "invoice_item_details": None,
                "subscription_item_details": {
                    "invoice_item": None,
                    "proration": self.proration,
                    "proration_details": {"credited_items": None},
                    "subscription": self.subscription,
                    "subscription_item": self.subscription_item,
                },
            }
        out["pricing"] = {
            "type": "price_details",
            "price_details": {"price": self.price.id, "product": self.price.product},
            "unit_amount_decimal": str(self.price.unit_amount),
        }
        return out


def invoice_obj(
    *,
    id: str,
    number: str,
    customer: str,
    currency: str,
    created: int,
    status: str,
    subscription: str | None,
    lines: list[Line],
    billing_reason: str,
    due_days: int,
    paid_at: int | None,
    voided_at: int | None,
    legacy: bool,
) -> dict[str, Any]:
    subtotal = sum(ln.amount for ln in lines)
    discount = sum(ln.discount[0] for ln in lines if ln.discount)
    total = subtotal - discount
    paid = total if status == "paid" else 0
    remaining = 0 if status in ("paid", "void") else max(total, 0)
    out: dict[str, Any] = {
        "id": id,
        "object": "invoice",
        "amount_due": max(total, 0),
        "amount_paid": paid,
        "amount_remaining": remaining,
        "billing_reason": billing_reason,
        "collection_method": "send_invoice",
        "created": created,
        "currency": currency.lower(),
        "customer": customer,
        "due_date": created + due_days * 86400 if status != "draft" else None,
        "livemode": False,
        "metadata": {},
        "number": number if status != "draft" else None,
        "period_end": max((ln.end for ln in lines), default=created),
        "period_start": min((ln.start for ln in lines), default=created),
        "status": status,
        "status_transitions": {
            "finalized_at": created if status != "draft" else None,
            "marked_uncollectible_at": None,
            "paid_at": paid_at,
            "voided_at": voided_at,
        },
        "subtotal": subtotal,
        "total": total,
        "total_discount_amounts": [
            {"amount": ln.discount[0], "discount": ln.discount[1]} for ln in lines if ln.discount
        ],
    }
    if legacy:
        out["subscription"] = subscription
    else:
        out["parent"] = {
            "type": "subscription_details" if subscription else None,
            "quote_details": None,
            "subscription_details": (
                {"metadata": {}, "subscription": subscription} if subscription else None
            ),
        }
    out["lines"] = {
        "object": "list",
        "data": [ln.obj(id, legacy) for ln in lines],
        "has_more": False,
        "total_count": len(lines),
        "url": f"/v1/invoices/{id}/lines",
    }
    return out
