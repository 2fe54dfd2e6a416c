package org.vidcase.media.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class MediaItemRepository implements PanacheRepositoryBase<MediaItem, UUID> {

    /** The items of the case among {@code ids}, in the order of {@code ids} (others left out). */
    public List<MediaItem> inCase(UUID caseId, List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, MediaItem> found = new HashMap<>();
        list("caseId = ?1 and id in ?2", caseId, ids).forEach(m -> found.put(m.id, m));
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    public Optional<MediaItem> inCase(UUID caseId, UUID mediaId) {
        return find("id = ?1 and caseId = ?2", mediaId, caseId).firstResultOptional();
    }

    /** Up to {@code size} items with ids after {@code after}, in id order: export pages by key. */
    public List<MediaItem> after(UUID caseId, UUID seizureId, UUID after, int size) {
        StringBuilder q = new StringBuilder("caseId = :caseId");
        Parameters p = Parameters.with("caseId", caseId);
        if (seizureId != null) {
            q.append(" and (seizureId = :seizureId or id in (select l.mediaId from MediaLocation l where l.seizureId = :seizureId))");
            p.and("seizureId", seizureId);
        }
        if (after != null) {
            q.append(" and id > :after");
            p.and("after", after);
        }
        return find(q.toString(), Sort.by("id"), p).page(0, size).list();
    }

    public Optional<MediaItem> byContent(UUID caseId, String contentKey) {
        return find("caseId = ?1 and contentKey = ?2", caseId, contentKey).firstResultOptional();
    }

    /**
     * Items of a case, optionally of one seizure (by any of their locations), one category, or one
     * review state.
     *
     * @param representatives one row per stack: items alone, and the representative of each stack
     *                        of which any member meets the filters (a reviewed representative does
     *                        not hide members still to review)
     */
    public List<MediaItem> search(UUID caseId, UUID seizureId, String category, ReviewFilter review,
                                  boolean representatives, boolean hashOnlyFirst, int page, int size) {
        Parameters p = Parameters.with("caseId", caseId);
        String conditions = conditions("m", seizureId, category, review, p);
        String q = "from MediaItem m where m.caseId = :caseId";
        if (!representatives) {
            q += conditions;
        } else if (conditions.isEmpty()) {
            q += " and (m.stackId is null or m.stackId = m.id)";
        } else {
            q += " and ((m.stackId is null" + conditions + ") or (m.stackId = m.id and exists (select 1 from MediaItem o"
                    + " where o.caseId = :caseId and o.stackId = m.stackId" + conditions("o", seizureId, category, review, p)
                    + ")))";
        }
        String order = hashOnlyFirst ? " order by case when m.blobSha256 is null then 0 else 1 end, m.createdAt, m.id"
                : " order by m.createdAt, m.id";
        return find(q + order, p).page(page, size).list();
    }

    /** The filters on the item named {@code m}, each starting with " and ". */
    private static String conditions(String m, UUID seizureId, String category, ReviewFilter review, Parameters p) {
        StringBuilder q = new StringBuilder();
        if (seizureId != null) {
            // Hash-only items may have no location: the seizure they were first recorded on counts too.
            q.append(" and (").append(m).append(".seizureId = :seizureId or ").append(m)
                    .append(".id in (select l.mediaId from MediaLocation l where l.seizureId = :seizureId))");
            p.and("seizureId", seizureId);
        }
        if (category != null) {
            q.append(" and ").append(m).append(".category = :category");
            p.and("category", category);
        }
        if (review != null) {
            String state = switch (review) {
                case TO_REVIEW -> " and M.matchStatus is null and (M.categorySource is null or M.categorySource <> :human)"
                        + " and (M.videoState is null or M.videoState <> 'PENDING')";
                case ALERT, IGNORABLE -> " and M.matchStatus = :status";
                case REVIEWED -> " and M.matchStatus is null and M.categorySource = :human";
            };
            q.append(state.replace("M.", m + "."));
            if (review == ReviewFilter.TO_REVIEW || review == ReviewFilter.REVIEWED) {
                p.and("human", CategorySource.HUMAN);
            } else {
                p.and("status", org.vidcase.matching.MatchStatus.valueOf(review.name()));
            }
        }
        return q.toString();
    }

    /** The members of each of the given stacks, counted. */
    public Map<UUID, Integer> stackSizes(UUID caseId, Collection<UUID> stackIds) {
        if (stackIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Integer> sizes = new HashMap<>();
        getEntityManager().createQuery("select m.stackId, count(m) from MediaItem m where m.caseId = ?1 and m.stackId in ?2 "
                        + "group by m.stackId", Object[].class)
                .setParameter(1, caseId).setParameter(2, stackIds).getResultList()
                .forEach(row -> sizes.put((UUID) row[0], ((Number) row[1]).intValue()));
        return sizes;
    }

    /** Every item of the stack, the representative first. */
    public List<MediaItem> stack(UUID caseId, UUID stackId) {
        return list("caseId = ?1 and stackId = ?2", Sort.by("createdAt").and("id"), caseId, stackId).stream()
                .sorted(java.util.Comparator.comparing((MediaItem m) -> !m.id.equals(stackId))).toList();
    }

}
