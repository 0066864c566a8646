-- The list can be ordered by creation or by last update, either way; id breaks ties so pages
-- never overlap. A B-tree reads backwards as well, so one index serves each column's two orders.
CREATE INDEX customers_by_update ON customers (updated_at DESC, id DESC);
