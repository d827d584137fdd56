-- Tables of the "new call records into PostgreSQL" examples (n8n and Node-RED): the ERP's
-- contacts, with each phone number also in E.164 (fill it with the same normaliser, e.g.
-- Switchboard core's toE164), and one row per finished call, matched to a contact.
CREATE TABLE IF NOT EXISTS contacts (
  id serial PRIMARY KEY,
  name text NOT NULL,
  phone text NOT NULL,
  phone_e164 text
);
CREATE INDEX IF NOT EXISTS contacts_phone_e164 ON contacts (phone_e164);

CREATE TABLE IF NOT EXISTS call_log (
  call_id text PRIMARY KEY,
  direction text,
  from_number text,
  from_e164 text,
  to_number text,
  to_e164 text,
  ended_at timestamptz NOT NULL,
  contact_id integer REFERENCES contacts (id)
);
