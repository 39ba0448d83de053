"""The rules of the SOPs: one module per case kind, plus deadlines, calendar and reports.

Services never print and never import typer or rich; they raise `kpudesk.errors` exceptions.
"""
