"""One module per subcommand; see fzcheck.cli.COMMANDS."""
