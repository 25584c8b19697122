"""Mattermost adapter: mattermostdriver confined here; buttons and slash commands over HTTP."""

from adapters.mattermost.adapter import MattermostAdapter, MattermostOptions

__all__ = ["MattermostAdapter", "MattermostOptions"]
