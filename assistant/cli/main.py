"""``support-assistant``: the single CLI entry point."""

from __future__ import annotations

import typer

from assistant.cli import eval_cmd, feedback_cmds, index_cmds, reply_cmds, serve_cmd

app = typer.Typer(
    name="support-assistant",
    help="Offline-first reply assistant for cross-border e-commerce customer service.",
    no_args_is_help=True,
    add_completion=False,
)
app.command("ingest")(index_cmds.ingest)
app.command("search")(index_cmds.search)
app.command("suggest")(reply_cmds.suggest)
app.command("auto-reply")(reply_cmds.auto_reply)
app.command("serve")(serve_cmd.serve)
app.add_typer(eval_cmd.app, name="eval")
app.add_typer(feedback_cmds.app, name="feedback")

if __name__ == "__main__":
    app()
