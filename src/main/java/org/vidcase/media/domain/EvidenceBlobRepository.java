package org.vidcase.media.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class EvidenceBlobRepository implements PanacheRepositoryBase<EvidenceBlob, String> {
}
