/** Recognisers for what a table column holds, from its header text. */
export const isNameHeader = (header: string): boolean => /^(full\s+)?(name|person|people|member|who)s?$/i.test(header.trim());
export const isOrganizationHeader = (header: string): boolean => /organi[sz]ation|company|employer|affiliation/i.test(header);
export const isHandleHeader = (header: string): boolean => /handle|github|user\s*name/i.test(header);
export const isTermHeader = (header: string): boolean => /\b(term|tenure|period|since|served)\b/i.test(header);
export const isRoleColumnHeader = (header: string): boolean => /^(role|position|title)s?$/i.test(header.trim());
export const isReleaseHeader = (header: string): boolean => /release|date|published|updated/i.test(header);
export const isFormatHeader = (header: string): boolean => /^formats?$/i.test(header.trim());
export const isLinkHeader = (header: string): boolean => /^(links?|url|location)$/i.test(header.trim());
export const isDescriptionHeader = (header: string): boolean => /description|summary|about/i.test(header);
export const isYearHeader = (header: string): boolean => /^year$/i.test(header.trim());
export const isTypeHeader = (header: string): boolean => /\b(type|category|kind)\b/i.test(header);

export function findColumn(headers: readonly string[], test: (header: string) => boolean): number {
  return headers.findIndex(test);
}
