-- Where each polled source (the portal's intake list, later the document axis) has got to: the position of the last
-- item taken, as its time and its key. The row is locked while a page is taken and accepted, so one hub instance at a
-- time polls a source, and the position moves in the same transaction as the exchanges it took.
CREATE TABLE poll_watermark (
    source       VARCHAR(60)  NOT NULL PRIMARY KEY,
    position_at  TIMESTAMP WITH TIME ZONE,
    position_key VARCHAR(200),
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
