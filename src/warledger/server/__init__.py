"""The HTTP API and web UI over the database (`warledger serve`): see `app.create_app`."""

from warledger.server.app import create_app
from warledger.server.guards import RateLimit

__all__ = ["RateLimit", "create_app"]
