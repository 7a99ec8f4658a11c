"""Loading the pipeline when a worker starts (and when the nanny restarts one), so that no
partition pays for it and every worker is ready before its first partition."""

from __future__ import annotations

from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin


class Preload(WorkerPlugin):
    """Load the spaCy pipeline, knowledge base and gazetteer once in each worker process."""

    name = "warledger-preload"

    def setup(self, worker: Any) -> None:
        from warledger.batch.worker import preload

        preload()
