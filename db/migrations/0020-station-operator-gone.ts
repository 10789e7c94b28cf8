// The station's free-text "operator" setting is gone: the operator signed in at the station is who
// acts. Old `station.configured` events may still carry it; the projector leaves it out, and this
// drops what older versions projected, so a live database and its rebuild stay the same.
export const name = 'station-operator-gone';

export const up = `
DELETE FROM settings WHERE scope <> 'site' AND key = 'operator';
`;
