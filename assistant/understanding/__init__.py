"""Understanding a customer message: language, intent, escalation, entities, personal data."""
