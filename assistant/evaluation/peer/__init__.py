"""The peer pipelines the reports compare against."""
