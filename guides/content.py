"""The guides: what each is called, what it says in one paragraph, and where it lives.

The body of each guide is its template (templates/guides/<slug>.html); its figures come from the
catalog, catalog/data/market.json and the person's own self-assessment, never from here."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class Guide:
    slug: str
    title: str
    # One paragraph, shown under the title and in the lists of guides.
    summary: str
    # The page's meta description: what a search result shows, under 160 characters.
    description: str

    @property
    def url_name(self) -> str:
        return f"guides:{self.slug}"

    @property
    def template_name(self) -> str:
        return f"guides/{self.slug}.html"

    def get_absolute_url(self) -> str:
        return reverse(self.url_name)


GUIDES: tuple[Guide, ...] = (
    Guide(
        slug="assess-yourself",
        title="Assess yourself honestly",
        summary=(
            "Before you pick an exam, find out where you really stand in the skills machine-"
            "learning exams test. Here is what our self-assessment measures, how it turns your "
            "answers into a level with its uncertainty, and why “I don't know” is the most "
            "useful answer you can give."
        ),
        description=(
            "What an honest ML self-assessment measures, how answers become a skill level with "
            "its uncertainty, and why 'I don't know' helps."
        ),
    ),
    Guide(
        slug="prerequisites",
        title="The maths and Python that ML exams expect",
        summary=(
            "Linear algebra, calculus, probability and statistics, Python and its data "
            "libraries: for each, how many of the exams in our catalog expect working "
            "knowledge, what that means in practice, and how to check yourself."
        ),
        description=(
            "How many ML certification exams expect linear algebra, calculus, statistics and "
            "Python at a working level, counted from our catalog."
        ),
    ),
    Guide(
        slug="choosing-a-cloud",
        title="Choosing a cloud certification",
        summary=(
            "The cloud your employer runs on usually decides for you. When it does not, the "
            "market shares and what each cloud's exams actually cover help you choose; both "
            "are below, with their sources."
        ),
        description=(
            "AWS, Azure or Google Cloud ML certification? Cloud market shares with their "
            "source, and what each cloud's current exams cover."
        ),
    ),
    Guide(
        slug="deep-learning-or-classical-ml",
        title="Deep learning or classical ML",
        summary=(
            "Some certifications are mostly about neural networks, others about regression, "
            "trees and tabular data, and many about neither but about running models in "
            "production. This table shows which way each current exam leans."
        ),
        description=(
            "Which ML certifications lean towards deep learning and which towards classical "
            "machine learning, from each exam's skills and domains."
        ),
    ),
    Guide(
        slug="project-experience",
        title="Building project experience",
        summary=(
            "Exams reward people who have done the work. For each certification, a practice "
            "project that exercises what it tests, the project resources in our catalog, and "
            "how to write a project up so that others can judge it."
        ),
        description=(
            "A practice project for each ML certification and how to document it so that an "
            "employer can see what you did."
        ),
    ),
    Guide(
        slug="salaries",
        title="What machine-learning work pays",
        summary=(
            "Salary claims about ML certifications are rarely sourced. We show only figures "
            "from a named, dated source, with what they cover and what they leave out, and "
            "say so when a figure is not published."
        ),
        description=(
            "Published wage figures for data-science and ML work, with their source, date "
            "and caveats; no invented salary ranges."
        ),
    ),
    Guide(
        slug="keeping-current",
        title="Keeping your credentials current",
        summary=(
            "Most ML credentials expire. How long each certification lasts, how you renew it, "
            "what that costs and where the rule is stated, for every exam you can sit today."
        ),
        description=(
            "How long each ML certification is valid and how to renew it: validity, renewal "
            "rule, cost and source for every current exam."
        ),
    ),
)

GUIDES_BY_SLUG = {guide.slug: guide for guide in GUIDES}
