"""FortiSOAR's ``connectors`` package.

On a server it holds the Connector Engine and every installed connector (``connectors.<name>_<x_y_z>``).
Connector code imports the framework modules from it: ``connectors.core.connector`` above all.
"""
