-- The Api pages over all active opportunities by profit, profit % and liquidity (keyset on the sort key, then id).

CREATE INDEX "IX_opportunities_status_profit_cents_id" ON opportunities (status, profit_cents, id);

CREATE INDEX "IX_opportunities_status_profit_percent_id" ON opportunities (status, profit_percent, id);

CREATE INDEX "IX_opportunities_status_liquidity_id" ON opportunities (status, liquidity, id);
