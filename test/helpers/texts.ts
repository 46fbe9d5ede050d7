import fc from "fast-check";

/** Texts made of up to `maxLength` of the given pieces, joined: fast-check inputs dense in edge cases. */
export function textFrom(pieces: readonly string[], maxLength = 40): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...pieces), { maxLength }).map((chosen) => chosen.join(""));
}
