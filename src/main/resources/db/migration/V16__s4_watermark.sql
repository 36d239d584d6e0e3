-- Where the S/4HANA business partner connector stands (io.werkbridge.connector.s4, docs/erp.md), one row per source:
-- the initial load's progress (the last partner of the last page read completely) and, once it is done, the change
-- time from which the change polling reads (inclusive; partners read twice are delivered once by their message id).
CREATE TABLE s4_watermark (
    source             VARCHAR(64)              NOT NULL PRIMARY KEY,
    load_started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    load_last_partner  VARCHAR(10),
    load_done          BOOLEAN                  NOT NULL,
    changed_since      TIMESTAMP WITH TIME ZONE,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
