/** Outbox jobs of the printers (each on its printer's lane, `printer:<id>`). */
export interface HardwareJobs {
  /** A parcel's label (at pick, reprint or re-link). */
  'print.label': { parcelId: string; printerId: string | null };
  /** The scanner test sheet (ZPL printers). */
  'print.testsheet': Record<string, never>;
}
