// Distances between a worker's home and a mission site, computed locally.
// Coordinates come from the address record itself (latitude/longitude kept on
// profiles and sites); an address without them is "not located", never
// silently treated as near or far.

export type Coordinates = { latitude: number; longitude: number };
export type Located = { latitude: number | null; longitude: number | null };

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in kilometres (haversine). */
export function haversineKm(a: Coordinates, b: Coordinates): number {
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function coordinatesOf(place: Located): Coordinates | null {
  const { latitude, longitude } = place;
  if (latitude === null || longitude === null || !Number.isFinite(latitude) || !Number.isFinite(longitude)) return null;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  return { latitude, longitude };
}

/** "12 km", "3,4 km" */
export function formatKm(km: number): string {
  return `${km < 10 ? km.toFixed(1).replace(".", ",") : Math.round(km)} km`;
}
