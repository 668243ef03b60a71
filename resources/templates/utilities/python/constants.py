{{header}}
LOGGER_NAME = {{name_literal}}

HASH_ALGORITHMS = ('md5', 'sha1', 'sha256', 'sha512')

# Larger texts are refused: playbooks should not push many megabytes through one action's memory.
MAX_TEXT_LENGTH = 5 * 1024 * 1024
