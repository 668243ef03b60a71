"""
Copyright start
MIT License
Copyright (c) 2026 Connector Studio
Copyright end
"""
REQUEST_TIMEOUT_SECONDS = 30
