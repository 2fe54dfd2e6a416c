-- The software that last wrote an uploaded image (EXIF Software, XMP CreatorTool, IPTC
-- Originating Program), read at upload with the rest of its camera metadata.
ALTER TABLE media_item ADD COLUMN exif_software VARCHAR(200);
