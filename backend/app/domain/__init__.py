"""Business rules and vocabularies that need no database: recurrence rules, the quick-add
grammar, the names a task list can be filtered and sorted by. Every layer may use them."""
