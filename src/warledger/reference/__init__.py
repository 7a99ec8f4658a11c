"""Reference events from other datasets (ACLED), imported into their own table and compared with
warledger's record; never merged into it."""
