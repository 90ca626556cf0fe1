/**
 * DEMO DATA: Dutch national public holidays 2025–2027, local calendar dates.
 *
 * Not from the domain documents (outside knowledge, verify before production). Holidays are configuration
 * per region: they travel in the region's TrajectoryPolicy (`holidays`), so a region can add local days,
 * drop Good Friday, or extend the list beyond 2027 in a new policy version without a code change.
 *
 * Notes:
 * - Goede Vrijdag (Good Friday) is a day off in many collective agreements but is not in the Algemene
 *   termijnenwet; included here because most municipal offices close.
 * - Pasen and Pinksteren day 1 are Sundays anyway; listed for completeness.
 * - Koningsdag moves to Saturday 26 April when 27 April is a Sunday (2025).
 * - Bevrijdingsdag (5 May) is listed every year, as the Algemene termijnenwet does for legal deadlines.
 *   Many employers, civil servants included, give it as a paid day off only once every five years
 *   (lustrum years: 2025, 2030); a region that follows that practice removes it in other years.
 */
export const DUTCH_PUBLIC_HOLIDAYS_2025_2027: readonly string[] = Object.freeze([
  // 2025 (Easter Sunday 20 April)
  '2025-01-01', // Nieuwjaarsdag
  '2025-04-18', // Goede Vrijdag
  '2025-04-20', // Eerste Paasdag
  '2025-04-21', // Tweede Paasdag
  '2025-04-26', // Koningsdag (27 April is a Sunday)
  '2025-05-05', // Bevrijdingsdag (lustrum year)
  '2025-05-29', // Hemelvaartsdag
  '2025-06-08', // Eerste Pinksterdag
  '2025-06-09', // Tweede Pinksterdag
  '2025-12-25', // Eerste Kerstdag
  '2025-12-26', // Tweede Kerstdag
  // 2026 (Easter Sunday 5 April)
  '2026-01-01', // Nieuwjaarsdag
  '2026-04-03', // Goede Vrijdag
  '2026-04-05', // Eerste Paasdag
  '2026-04-06', // Tweede Paasdag
  '2026-04-27', // Koningsdag
  '2026-05-05', // Bevrijdingsdag
  '2026-05-14', // Hemelvaartsdag
  '2026-05-24', // Eerste Pinksterdag
  '2026-05-25', // Tweede Pinksterdag
  '2026-12-25', // Eerste Kerstdag
  '2026-12-26', // Tweede Kerstdag
  // 2027 (Easter Sunday 28 March)
  '2027-01-01', // Nieuwjaarsdag
  '2027-03-26', // Goede Vrijdag
  '2027-03-28', // Eerste Paasdag
  '2027-03-29', // Tweede Paasdag
  '2027-04-27', // Koningsdag
  '2027-05-05', // Bevrijdingsdag
  '2027-05-06', // Hemelvaartsdag
  '2027-05-16', // Eerste Pinksterdag
  '2027-05-17', // Tweede Pinksterdag
  '2027-12-25', // Eerste Kerstdag
  '2027-12-26', // Tweede Kerstdag
]);
