from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm, BaseUserCreationForm, PasswordResetForm
from django.contrib.auth.models import User


class SignUpForm(BaseUserCreationForm):
    """Email and password; the email doubles as the username so people sign in with it.

    It never says whether the email already has an account: `certguide.accounts` mails the
    address's owner instead."""

    email = forms.EmailField(
        label="Email",
        max_length=150,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )

    class Meta:
        model = User
        fields = ("email",)

    def clean_email(self) -> str:
        return User.objects.normalize_email(self.cleaned_data["email"]).lower()

    def validate_unique(self) -> None:
        """Uniqueness is settled by email, out of sight: see `certguide.accounts`."""


class SignInForm(AuthenticationForm):
    """The standard sign-in form, labelled for email addresses and case-insensitive."""

    username = forms.EmailField(
        label="Email",
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": (
            "That email and password do not match an account. Check both and try again. "
            "Just signed up? Open the link in the email we sent you first."
        ),
    }

    def clean_username(self) -> str:
        return self.cleaned_data["username"].lower()


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label="Your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text="To be sure it is you: deleting cannot be undone.",
    )

    def __init__(self, user: User, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("That is not your password. Nothing was deleted.")
        return password


class QueuedPasswordResetForm(PasswordResetForm):
    """Django's reset form, but the email is built and sent by the task worker."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ) -> None:
        from certguide import tasks

        tasks.send_password_reset_email.enqueue(
            context["user"].pk, context["domain"], context["protocol"]
        )
