"""``connectors.utils``: helpers shared by connectors."""
from integrations.password_utils import manage_password as manage_password
