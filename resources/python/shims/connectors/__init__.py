"""Shim of FortiSOAR's ``connectors`` package for Connector Studio's simulated runtime.

On a server this package holds the Connector Engine and every installed connector
(``connectors.<name>_<x_y_z>``). Here it holds only the framework modules connectors import.
"""
