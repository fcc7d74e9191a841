/** Attachments of a need (their type is checked by content: platform/util/file-type.ts). */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_NEED = 5;
