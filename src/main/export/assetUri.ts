/**
 * Where a picture is found when an export does not carry it: named by its content hash, in
 * every format alike, so a receiving desk can ask for it. Packages carry the pictures and use
 * their paths inside the package instead.
 */
export const assetUri = (id: string) => `byline-asset:${id}`;
