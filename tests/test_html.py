"""Rendered pages are valid HTML5: no parse errors, no duplicate ids, one main landmark."""

from collections import Counter

import html5lib
import pytest

from assessments.tests.helpers import answer, choice_id, start


def parse_errors(html: str) -> list[str]:
    parser = html5lib.HTMLParser(strict=False)
    document = parser.parse(html)
    errors = [f"line {line}:{col} {code} {data}" for (line, col), code, data in parser.errors]
    ids = Counter(
        element.get("id")
        for element in document.iter()
        if isinstance(element.tag, str) and element.get("id")
    )
    errors += [f"duplicate id {name!r}" for name, count in ids.items() if count > 1]
    mains = [e for e in document.iter() if isinstance(e.tag, str) and e.tag.endswith("}main")]
    if len(mains) != 1:
        errors.append(f"{len(mains)} <main> elements")
    return errors


PUBLIC_PAGES = [
    "/",
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password_reset/",
    "/certifications/",
    "/certifications/?include_retired=on&sort=cost",
    "/certifications/google-professional-ml-engineer/",
    "/certifications/aws-ml-specialty/",
    "/certifications/compare/?c=google-professional-ml-engineer&c=aws-ml-engineer-associate",
    "/assessment/",
    "/assessment/how-we-score/",
    "/guides/",
    "/guides/assess-yourself/",
    "/guides/prerequisites/",
    "/guides/choosing-a-cloud/",
    "/guides/deep-learning-or-classical-ml/",
    "/guides/project-experience/",
    "/guides/salaries/",
    "/guides/keeping-current/",
    "/no-such-page/",
]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_are_valid_html(client, question_bank, path):
    response = client.get(path)

    assert response.status_code in (200, 404)
    assert parse_errors(response.text) == []


def test_assessment_pages_are_valid_html(client, question_bank):
    attempt = start(client)
    answer(client, attempt, "rate-python", choice_id("rate-python", 2))
    for section in ("context", "experience", "checks"):
        page = client.get(f"/assessment/{attempt.public_id}/{section}/")
        assert page.status_code == 200
        assert parse_errors(page.text) == [], section

    client.post(f"/assessment/{attempt.public_id}/finish/")
    results = client.get(f"/assessment/{attempt.public_id}/results/")
    assert results.status_code == 200
    assert parse_errors(results.text) == []


def test_account_page_is_valid_html(alice_client, question_bank):
    assert parse_errors(alice_client.get("/accounts/").text) == []
