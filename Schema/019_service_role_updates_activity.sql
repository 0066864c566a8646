-- The activity projector adds to a day's count with INSERT … ON CONFLICT DO UPDATE, which needs
-- UPDATE as well: without it the service's role parks the projector at its first batch.
GRANT UPDATE ON customer_activity TO customers_service;
