-- Leadership of the polling routes (hub-app's cluster package, docs/ARCHITECTURE.md "Several instances: who polls"):
-- Spring Integration's JDBC lock table, as its schema-h2.sql and schema-postgresql.sql define it (the same text for
-- both). One row per held lock: the role's key (a UUID of its name), the hub deployment's region, the holder's
-- instance id and when it last renewed the lock; a row older than hub.cluster.lease is free to take.
CREATE TABLE INT_LOCK (
    LOCK_KEY     CHAR(36)     NOT NULL,
    REGION       VARCHAR(100) NOT NULL,
    CLIENT_ID    CHAR(36),
    CREATED_DATE TIMESTAMP    NOT NULL,
    CONSTRAINT INT_LOCK_PK PRIMARY KEY (LOCK_KEY, REGION)
);
