"""The extraction stages: actors, places, times, quantities, attribution, events, relations."""
