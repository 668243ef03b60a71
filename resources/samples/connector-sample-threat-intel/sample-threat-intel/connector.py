"""
Copyright start
MIT License
Copyright (c) 2026 Connector Studio
Copyright end
"""
from connectors.core.connector import Connector, ConnectorError, get_logger

from .operations import check_health, operations

logger = get_logger('sample-threat-intel')


class SampleThreatIntel(Connector):
    def execute(self, config, operation, params, **kwargs):
        action = operations.get(operation)
        if action is None:
            raise ConnectorError('Unsupported operation: {0}'.format(operation))
        logger.info('Executing %s', operation)
        return action(config, params)

    def check_health(self, config=None):
        return check_health(config)
