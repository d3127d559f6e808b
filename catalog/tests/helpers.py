"""Helpers for the catalog's tests: the admin's change form as a curator's browser posts it."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from django.urls import reverse

from catalog.models import Certification


class FormData(HTMLParser):
    """What a browser would post from the page's main form: every named input, ticked box,
    chosen option and text area, as a list of (name, value) pairs."""

    def __init__(self):
        super().__init__()
        self.pairs: list[tuple[str, str]] = []
        self.select: str | None = None
        self.textarea: str | None = None
        self.text = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button", "file"):
            if attrs.get("type") in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.pairs.append((name, attrs.get("value") or "on"))
                return
            self.pairs.append((name, attrs.get("value") or ""))
        elif tag == "select" and name:
            self.select = name
        elif tag == "option" and self.select and "selected" in attrs:
            self.pairs.append((self.select, attrs.get("value") or ""))
        elif tag == "textarea" and name:
            self.textarea, self.text = name, ""

    def handle_data(self, data):
        if self.textarea:
            self.text += data

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None
        elif tag == "textarea" and self.textarea:
            # A browser drops the newline that follows <textarea>.
            self.pairs.append((self.textarea, self.text.removeprefix("\n")))
            self.textarea = None


def admin_edit(client, cert: Certification, change) -> None:
    """Open the certification in the admin, change the form as a curator would, and save."""
    url = reverse("admin:catalog_certification_change", args=[cert.pk])
    parser = FormData()
    parser.feed(client.get(url).text)
    data: dict[str, list[str]] = {}
    for name, value in parser.pairs:
        data.setdefault(name, []).append(value)
    change(data)
    data["_save"] = ["Save"]
    response = client.post(url, data)
    assert response.status_code == 302, re.findall(
        r'class="errorlist[^>]*>(.*?)</ul>', response.text
    )
