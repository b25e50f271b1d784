"""Suite-wide settings.

Hypothesis checks what a function returns, not how fast: its default
200 ms deadline per example fails at random on a loaded 2-core CI machine,
so no property test has one (speed is measured in bench/, not in tests).
"""

from hypothesis import settings

settings.register_profile("hynlp", deadline=None)
settings.load_profile("hynlp")
