"""The few Django pieces connectors import (the server runs connectors inside Django):
``django.conf.settings`` and ``django.utils.module_loading.import_string``."""
