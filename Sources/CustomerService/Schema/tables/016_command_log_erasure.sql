-- Stored responses can show personal data; forgetting a customer clears those of its stream and
-- records when. A repeated request with such a key is refused rather than run again.
ALTER TABLE command_log ADD COLUMN erased_at timestamptz;
