-- Operators' exchange search (ExchangeSearch): newest first on (created_at, id), narrowed by flow, client or subject.
-- Indexes only. The subject index of V1 leads with the flow; a dossier code is also searched across flows.
CREATE INDEX ix_exchange_created ON exchange (created_at, id);
CREATE INDEX ix_exchange_flow_created ON exchange (flow, created_at);
CREATE INDEX ix_exchange_client_created ON exchange (client_id, created_at);
CREATE INDEX ix_exchange_subject_key ON exchange (subject_key);
