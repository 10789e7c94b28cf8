// After a restore: orders the backup shows open but the outside world (Shopify, the printed labels)
// shows picked after the backup are held here until a supervisor checks them (issue 19).
export const name = 'restore-holds';

export const up = `
CREATE TABLE restore_holds (
  order_id    TEXT PRIMARY KEY,
  order_name  TEXT NOT NULL,
  store       TEXT NOT NULL,
  numbers     TEXT NOT NULL,   -- JSON: tracking numbers seen for it, not in this database
  seen_in     TEXT NOT NULL,   -- JSON: 'shopify' | 'labels'
  fulfilled   INTEGER NOT NULL, -- Shopify shows it fulfilled
  held_at     TEXT NOT NULL,
  released_at TEXT,
  decision    TEXT              -- pick_again | shipped
);
`;
