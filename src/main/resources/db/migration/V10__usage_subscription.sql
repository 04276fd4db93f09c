-- The subscription spelling that the import gives new usage lines (see V8) moves to a table of its own, one row per
-- customer and subscription: the index on usage_line (customer_id, subscription_id) that V9 added to find it cost
-- every new usage line an insert into a string index, about a third of the time a line takes to store.
CREATE TABLE usage_subscription (
    customer_id          VARCHAR(64)  NOT NULL,
    subscription_id      VARCHAR(128) NOT NULL,
    subscription_display VARCHAR(128) NOT NULL,
    PRIMARY KEY (customer_id, subscription_id)
);

-- The spelling of the first stored line of each customer and subscription that has one (lines loaded before V8 have
-- none).
INSERT INTO usage_subscription (customer_id, subscription_id, subscription_display)
SELECT l.customer_id, l.subscription_id, l.subscription_display
FROM usage_line l
JOIN (SELECT MIN(id) AS id FROM usage_line WHERE subscription_display IS NOT NULL
      GROUP BY customer_id, subscription_id) f ON f.id = l.id;

DROP INDEX ix_usage_line_customer_subscription ON usage_line;
