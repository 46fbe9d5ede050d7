/** Microsoft's public page for one AADSTS code. Its own module: the core needs it without the catalog rules (and marked). */
export function lookupUrl(code: number): string {
  return `https://login.microsoftonline.com/error?code=${code}`;
}
