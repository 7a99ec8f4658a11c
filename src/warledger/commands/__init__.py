"""Subcommands of the `warledger` CLI, one module each (see `warledger.cli.COMMANDS`)."""
