-- The subscription of a usage line as first written in its file (EntitlementId when present, else SubscriptionId).
-- subscription_id keeps the normal form (identifiers compare case-insensitively); invoices and the workbook print
-- this spelling, the first one loaded per customer and subscription. Lines loaded before have none and print the
-- normal form.
ALTER TABLE usage_line ADD COLUMN subscription_display VARCHAR(128);
