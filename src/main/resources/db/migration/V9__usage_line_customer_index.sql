-- The import gives a new usage line the subscription spelling of the customer's first line of that subscription
-- (UsageLineCache), found through this index instead of a scan of every usage line.
CREATE INDEX ix_usage_line_customer_subscription ON usage_line (customer_id, subscription_id);
