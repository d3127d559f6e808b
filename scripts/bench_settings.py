"""
The site's own settings plus one page for the benchmark: the reference, a bare view that
answers "ok" behind exactly the same middleware as every other page. Only `make bench` uses
this module, so the reference page does not exist in production.
"""

from certguide.settings import *  # noqa: F403

ROOT_URLCONF = "scripts.bench_urls"
