"""Shim of the few Django pieces connectors import (the server runs connectors inside Django):
``django.conf.settings`` and ``django.utils.module_loading.import_string``. Any other ``django.*`` is not
provided; install nothing named django into the connector's environment expecting it to be used here."""
