"""kpudesk: the desk officer's case tracker for KPU offices."""

__version__ = "0.1.0"
