"""Shim of ``django.utils`` (only ``module_loading``)."""
