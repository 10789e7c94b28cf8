// Rule 'thursday-shift' (article: "shift warehouse cut-off to Thursday
// end-of-day; Friday-Saturday production ships Monday").
//
// Per ISO week (Mon-Sun, local dates), the anchor is the last pickup on or
// before Thursday. Every pickup after the anchor in that week (normally Fri,
// Sat; also extra pickups) still runs but takes no new parcels. So a parcel
// picked after the anchor's cut-off rides the first pickup of a later week
// (normally Monday; the next one when Monday is a holiday or cancelled).
// A week with no pickup on Mon-Thu has no anchor and is left untouched, so a
// holiday-heavy week never holds parcels for two weekends.
// Safe on a span cut short mid-week: a Fri-Sun slot is only in the span when
// that week's Mon-Thu are too.

type WeekSlot = { day: number; weekday: number };

/** closed[i] is true when slots[i] takes no new parcels. Slots sorted by day. */
export function closedUnderThursdayShift(slots: readonly WeekSlot[]): boolean[] {
  const anchorByWeek = new Map<number, number>();
  for (const s of slots) {
    if (s.weekday <= 4) anchorByWeek.set(weekOf(s), s.day);
  }
  return slots.map((s) => {
    const anchor = anchorByWeek.get(weekOf(s));
    return anchor !== undefined && s.day > anchor;
  });
}

function weekOf(s: WeekSlot): number {
  return s.day - (s.weekday - 1);
}
