from django.contrib.auth.models import User
from django.core import mail
from django.urls import reverse

from conftest import PASSWORD, link_in_mail, make_user, sign_up


def signup(client, email="dana@example.com", password1=PASSWORD, password2=PASSWORD, **extra):
    data = {"email": email, "password1": password1, "password2": password2, **extra}
    return client.post(reverse("signup"), data)


def signed_in_email(client) -> str | None:
    response = client.get(reverse("account"))
    return response.context["user"].email if response.status_code == 200 else None


def test_signup_mails_a_link_that_confirms_the_account_and_signs_in(client, db):
    response = signup(client, email="Dana@Example.com")

    assert response.headers["Location"] == reverse("signup-sent")
    user = User.objects.get()
    assert (user.email, user.is_active) == ("dana@example.com", False)
    assert signed_in_email(client) is None
    assert mail.outbox[0].to == ["dana@example.com"]
    link = link_in_mail(mail.outbox[0], "/accounts/signup/confirm/")

    confirm_page = client.get(link)
    assert "Confirm and sign in" in confirm_page.text
    user.refresh_from_db()
    assert not user.is_active, "opening the link (as mail scanners do) confirms nothing"

    client.post(link)
    user.refresh_from_db()
    assert user.is_active and user.check_password(PASSWORD)
    assert signed_in_email(client) == "dana@example.com"


def test_a_confirmation_link_works_once(client, db):
    signup(client)
    link = link_in_mail(mail.outbox[0], "/accounts/signup/confirm/")
    client.post(link)
    client.logout()

    response = client.post(link)

    assert response.status_code == 400
    assert "This link no longer works" in response.text
    assert signed_in_email(client) is None


def test_a_forged_confirmation_link_is_refused(client, db):
    signup(client)
    link = link_in_mail(mail.outbox[0], "/accounts/signup/confirm/")
    forged = link.rstrip("/")[:-3] + "abc/"

    assert client.post(forged).status_code == 400
    assert not User.objects.get().is_active


def test_signup_with_an_email_in_use_looks_the_same_and_mails_its_owner(client, alice):
    new_address = signup(client, email="fresh@example.com")
    used_address = signup(client, email="ALICE@example.com")

    assert used_address.status_code == new_address.status_code == 302
    assert used_address.headers["Location"] == new_address.headers["Location"]
    assert User.objects.filter(email__iexact="alice@example.com").count() == 1
    alice.refresh_from_db()
    assert alice.check_password(PASSWORD), "someone else's sign-up never changes the password"
    owner_mail = mail.outbox[-1]
    assert owner_mail.to == ["alice@example.com"]
    assert "already has an account" in owner_mail.body
    assert "/accounts/signup/confirm/" not in owner_mail.body


def test_signup_form_states_the_password_rule_before_anything_is_typed(client, db):
    page = client.get(reverse("signup"))

    assert "at least 12 characters" in page.text


def test_a_password_of_eleven_characters_is_refused(client, db):
    response = signup(client, password1="kq8#vz2!mwp", password2="kq8#vz2!mwp")

    assert response.status_code == 200
    assert "This password is too short. It must contain at least 12 characters." in response.text
    assert not User.objects.exists()


def test_signup_with_a_weak_password_explains_why(client, db):
    response = signup(client, password1="12345678", password2="12345678")

    assert response.status_code == 200
    assert "This password is too common" in response.text
    assert not User.objects.exists()


def test_signup_with_mismatched_passwords_explains_why(client, db):
    response = signup(client, password2=PASSWORD + "x")

    assert response.status_code == 200
    assert "The two password fields didn’t match" in response.text
    assert not User.objects.exists()


def test_signup_follows_a_safe_next_and_ignores_another_host(client, db):
    response = sign_up(client, "dana@example.com", next="/certifications/")
    assert response.headers["Location"] == "/certifications/"

    client.logout()
    response = sign_up(client, "eve@example.com", next="https://evil.example.com/")
    assert response.headers["Location"] == reverse("home")


def test_sign_in_with_a_wrong_password_says_so(client, alice):
    response = client.post(reverse("login"), {"username": alice.email, "password": "wrong"})

    assert response.status_code == 200
    assert "That email and password do not match an account" in response.text
    assert signed_in_email(client) is None


def test_sign_in_is_case_insensitive_for_the_email(client, alice):
    credentials = {"username": "ALICE@example.com", "password": PASSWORD}
    response = client.post(reverse("login"), credentials)

    assert response.status_code == 302
    assert signed_in_email(client) == alice.email


def test_sign_in_returns_to_a_safe_next_only(client, alice):
    credentials = {"username": alice.email, "password": PASSWORD}

    response = client.post(reverse("login"), {**credentials, "next": "/plans/"})
    assert response.headers["Location"] == "/plans/"

    client.logout()
    response = client.post(reverse("login"), {**credentials, "next": "//evil.example.com/"})
    assert response.headers["Location"] == reverse("home")


def test_sign_out_by_get_does_nothing(alice_client):
    response = alice_client.get(reverse("logout"))

    assert response.status_code == 405
    assert signed_in_email(alice_client) == "alice@example.com"


def test_sign_out_by_post_signs_out(alice_client):
    response = alice_client.post(reverse("logout"))

    assert response.status_code == 302
    assert signed_in_email(alice_client) is None


def test_password_reset_email_link_sets_a_new_password(client, alice):
    client.post(reverse("password_reset"), {"email": alice.email})

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [alice.email]
    path = link_in_mail(message, "/accounts/reset/")

    form_page = client.get(path, follow=True)
    assert "Choose a new password" in form_page.text
    new_password = "a brand new passphrase 99"
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": new_password, "new_password2": new_password},
    )

    assert response.headers["Location"] == reverse("password_reset_complete")
    alice.refresh_from_db()
    assert alice.check_password(new_password)


def test_password_reset_for_an_unknown_email_sends_nothing_and_reveals_nothing(client, db):
    response = client.post(reverse("password_reset"), {"email": "nobody@example.com"})

    assert response.headers["Location"] == reverse("password_reset_done")
    assert mail.outbox == []


def test_password_change_requires_the_old_password(alice_client, alice):
    response = alice_client.post(
        reverse("password_change"),
        {"old_password": "wrong", "new_password1": "x" * 20, "new_password2": "x" * 20},
    )

    assert response.status_code == 200
    alice.refresh_from_db()
    assert alice.check_password(PASSWORD)


def test_account_page_needs_sign_in(client, db):
    response = client.get(reverse("account"))

    assert response.status_code == 302
    assert response.headers["Location"].startswith(reverse("login") + "?next=")


def test_second_user_gets_a_distinct_account(client, db):
    make_user("first@example.com")
    sign_up(client, "second@example.com")

    assert sorted(User.objects.values_list("email", flat=True)) == [
        "first@example.com",
        "second@example.com",
    ]
