/**
 * What the portal shows of a person (PRODUCT.md §5.13 "nothing personal"). Residents are never named: the raiser of a
 * need is shown as the first character of the name followed by two asterisks, whatever its length (张大爷 → 张**,
 * 欧阳娜娜 → 欧**), so that neither the given name nor its length is published. A name that is empty, or that starts
 * with a digit or a "+" (a phone number typed as a name), is not shown at all (null).
 */
export function maskName(name: string | null | undefined): string | null {
  if (name === null || name === undefined) return null;
  const trimmed = name.trim();
  if (trimmed === '') return null;
  const first = Array.from(trimmed)[0];
  if (/^[\d+]$/.test(first)) return null;
  return `${first}**`;
}
