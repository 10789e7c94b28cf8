/** Outbox jobs of the printers (each on its printer's lane, `printer:<id>`). */
export interface DevicesJobs {
  /** A parcel's label (at pick, reprint or re-link). */
  'print.label': { parcelId: string; printerId: string | null };
  /** A parcel's CN23 customs form (A4, PDF printers). */
  'print.customs_form': { parcelId: string; printerId: string | null };
  /** The scanner test sheet (ZPL printers). */
  'print.testsheet': Record<string, never>;
}
