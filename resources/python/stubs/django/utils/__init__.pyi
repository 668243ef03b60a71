"""``django.utils`` (only ``module_loading``)."""
