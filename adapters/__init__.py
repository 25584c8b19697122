"""Platform adapters: console, Matrix/Tchap, Mattermost. Platform words live here only."""
