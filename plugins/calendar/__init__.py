"""The editorial calendar: calendar.yaml, the publication gate, the cross-post scheduler and its exports."""
