{{header}}
from connectors.core.connector import Connector, ConnectorError, get_logger

from .constants import LOGGER_NAME
from .operations import health_check, operations

logger = get_logger(LOGGER_NAME)


class {{class_name}}(Connector):
    def execute(self, config, operation, params, **kwargs):
        action = operations.get(operation)
        if action is None:
            raise ConnectorError('Unsupported operation: {0}'.format(operation))
        logger.info('Executing %s', operation)
        try:
            return action(config or {}, params or {})
        except ConnectorError:
            raise
        except Exception as error:
            # Anything unexpected still reaches the playbook as a readable ConnectorError, with the trace in the log.
            logger.exception('%s failed', operation)
            raise ConnectorError('{0} failed: {1}'.format(operation, error))

    def check_health(self, config=None):
        try:
            health_check(config or {})
        except ConnectorError:
            raise
        except Exception as error:
            logger.exception('Health check failed')
            raise ConnectorError('Health check failed: {0}'.format(error))
