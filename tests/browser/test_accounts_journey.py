import re

from playwright.sync_api import expect

from conftest import PASSWORD
from tests.browser.helpers import confirm_sign_up_from_mail

# Required fields carry a visible asterisk, which is part of the accessible name.
PASSWORD_LABEL = re.compile(r"^\s*Password\W*$")


def test_visitor_signs_up_signs_out_and_signs_back_in(site, db):
    page = site.page
    site.goto("/")
    page.get_by_role("link", name="Sign up").click()

    page.get_by_label("Email").fill("dana@example.com")
    page.get_by_label(PASSWORD_LABEL).fill(PASSWORD)
    page.get_by_label("Password confirmation").fill(PASSWORD)
    page.get_by_role("button", name="Sign up").click()
    confirm_sign_up_from_mail(site)

    expect(page.get_by_text("Your account is ready")).to_be_visible()
    expect(page.get_by_role("link", name="dana@example.com")).to_be_visible()

    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("link", name="Sign in")).to_be_visible()
    expect(page.get_by_role("link", name="dana@example.com")).to_have_count(0)

    page.get_by_role("link", name="Sign in").click()
    page.get_by_label("Email").fill("dana@example.com")
    page.get_by_label(PASSWORD_LABEL).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("link", name="dana@example.com")).to_be_visible()
