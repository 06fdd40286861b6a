"""One module per `bereikbaar` subcommand; bereikbaar.cli loads them lazily."""
