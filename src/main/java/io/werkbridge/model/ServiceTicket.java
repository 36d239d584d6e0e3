package io.werkbridge.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Canonical service ticket raised in the portal or app (DESIGN §4), with the photos and videos taken for it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceTicket(
        String ticketId,
        String customerNumber,
        String machineNumber,
        @PersonalData ServiceReport.Person reportedBy,
        String description,
        String priority,
        LocalDate preferredDate,
        Attachments attachments) {

    /** Photos and videos apart, so each kind has its own category (media.photo, media.video). */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Attachments(List<Attachment> photos, List<Attachment> videos) {

        public Attachments {
            photos = photos == null ? List.of() : List.copyOf(photos);
            videos = videos == null ? List.of() : List.copyOf(videos);
        }
    }

    /**
     * One photo or video: metadata the policy classifies, and the content (base64), which the hub never inspects and
     * passes whole or not at all.
     *
     * @param sha256 hex SHA-256 of the decoded content, for the receiver to check what arrived
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Attachment(@PersonalData String fileName, String mediaType, Long size, @PersonalData String sha256,
                             @PersonalData Instant takenAt, @PersonalData String content) {
    }
}
