{{header}}
LOGGER_NAME = {{name_literal}}
USER_AGENT = {{user_agent_literal}}

# Seconds to wait for a connection, then for an answer: a stuck server must never hold a playbook forever.
CONNECT_TIMEOUT = 10
READ_TIMEOUT = 60
REQUEST_TIMEOUT = (CONNECT_TIMEOUT, READ_TIMEOUT)

# A cheap authenticated call that proves the URL, the credentials and the TLS settings.
HEALTH_CHECK_METHOD = {{health_method_literal}}
HEALTH_CHECK_ENDPOINT = {{health_path_literal}}
{{constants}}