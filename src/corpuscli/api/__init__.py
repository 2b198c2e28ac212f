"""The public API: one function per command, with the command's defaults and result (a
:class:`~corpuscli.results.Table`, a statement diff or a report), so that a notebook gets what
the command line prints. ``corpuscli`` itself hands these names on."""
