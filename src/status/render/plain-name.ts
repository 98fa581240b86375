/** Only the characters a repository, org or ISO week can have: safe in a comment or a title. */
export const plainName = (text: string) => text.replace(/[^\w./-]/g, "");
