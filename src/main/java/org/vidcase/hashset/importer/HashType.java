package org.vidcase.hashset.importer;

/** The hashes a reference entry can carry as text. */
public enum HashType {
    MD5, SHA1, SHA256, PDQ
}
