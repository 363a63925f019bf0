#!/usr/bin/env python3
"""Review sequences scheduled by py-fsrs, for ganbook's FSRS-6 scheduler tests.

Run from this folder: python3 make_fsrs_fixtures.py > fsrs_sequences.json
(fsrs 6.3.2 made the committed file). The Swift tests read the JSON; they
never need Python.

Each sequence starts from a new card and applies 3 to 16 reviews with varied
grades and gaps: early, on time, late, same-day repeats, and long breaks.
The scheduler is py-fsrs's default (21 parameters, retention 0.9, learning
steps 1 and 10 minutes, relearning step 10 minutes, maximum interval 36500)
with fuzz off. After every review the card's state, step, stability,
difficulty, due time and last review (Unix seconds) are recorded.
"""
import json
import random
from datetime import datetime, timedelta, timezone
from importlib.metadata import version

from fsrs import Card, Rating, Scheduler

rng = random.Random(20261129)
scheduler = Scheduler(enable_fuzzing=False)


def gap(card, now):
    """The time of the next review: around the due time, with variety."""
    kind = rng.random()
    due = card.due
    if kind < 0.15:
        return now + timedelta(minutes=rng.randint(0, 120))  # same day, early
    if kind < 0.30:
        return due - (due - now) * rng.random() * 0.6  # early
    if kind < 0.75:
        return due + timedelta(seconds=rng.randint(0, 3600))  # on time
    if kind < 0.92:
        return due + timedelta(days=rng.randint(1, 40), hours=rng.randint(0, 23))  # late
    return due + timedelta(days=rng.randint(100, 900))  # a long break


sequences = []
for n in range(60):
    start = datetime(2025, 1, 1, tzinfo=timezone.utc) + timedelta(days=rng.randint(0, 300), seconds=rng.randint(0, 86399))
    card = Card(card_id=n + 1, due=start)
    now = start
    steps = []
    for i in range(rng.randint(3, 16)):
        weights = [0.15, 0.2, 0.5, 0.15] if n % 3 else [0.35, 0.25, 0.3, 0.1]
        rating = rng.choices([Rating.Again, Rating.Hard, Rating.Good, Rating.Easy], weights)[0]
        if i > 0:
            now = gap(card, now)
        card, _ = scheduler.review_card(card, rating, review_datetime=now)
        steps.append({
            "time": now.timestamp(),
            "grade": int(rating),
            "state": int(card.state),
            "step": card.step,
            "stability": card.stability,
            "difficulty": card.difficulty,
            "due": card.due.timestamp(),
            "last_review": card.last_review.timestamp(),
        })
    sequences.append({"start": start.timestamp(), "reviews": steps})

print(json.dumps({"fsrs": version("fsrs"), "sequences": sequences}, indent=0))
