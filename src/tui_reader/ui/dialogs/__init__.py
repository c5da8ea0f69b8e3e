"""Modal dialogs any screen may push: confirm, help, links."""
