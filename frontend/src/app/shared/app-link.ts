/**
 * A page of this app a server message points to (its `link`: the satisfaction survey to answer, `/s/<token>`), or
 * null. Only a same-app path is followed, never another site or a script.
 */
export function appLink(link: string | null | undefined): string | null {
  return typeof link === 'string' && /^\/[A-Za-z0-9/_-]+$/.test(link) && !link.startsWith('//') ? link : null;
}
