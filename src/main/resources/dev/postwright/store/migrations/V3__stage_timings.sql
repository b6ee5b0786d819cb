-- How long each pipeline stage took, per writer model: the estimate of time remaining is built
-- from these measurements, not from constants.
CREATE TABLE stage_timings (
    key    INTEGER PRIMARY KEY,
    stage  TEXT NOT NULL,
    model  TEXT NOT NULL,
    millis INTEGER NOT NULL,
    at     INTEGER NOT NULL
);

CREATE INDEX stage_timings_recent ON stage_timings (stage, model, key);
