-- The FSMA 204 export of one product over a date range (GET /api/v1/kde-events) reads
-- receipts by the day they were received and shipments by their ship date: one index range
-- each instead of a scan of every receipt and shipment the plant ever had.

CREATE INDEX lot_receipts_received_idx ON lot_receipts (received_on);
CREATE INDEX shipments_ship_date_idx ON shipments (ship_date);
