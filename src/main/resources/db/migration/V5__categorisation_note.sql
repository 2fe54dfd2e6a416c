-- The latest note an officer gave with a categorisation, shown on the item under the same name as
-- in the request. `notes` stays what a forensic tool's export said about the file.
ALTER TABLE media_item ADD COLUMN note TEXT;
