"""bereikbaar: are a webshop's phone number and e-mail address where customers can find them?"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("bereikbaar")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.1.0"

PROJECT_URL = "https://github.com/bereikbaar/bereikbaar#readme"
USER_AGENT = f"bereikbaar/{__version__} (+{PROJECT_URL})"
