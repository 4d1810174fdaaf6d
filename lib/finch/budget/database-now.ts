// The database's own clock, as UTC without a zone like the stored timestamps: every instance's budget
// arithmetic reads one clock, whatever the instances' clocks say.
export const DATABASE_NOW = `(clock_timestamp() AT TIME ZONE 'UTC')`;

/** The database's clock in epoch seconds, as a rolling window's log (`recent`) stamps its permits. */
export const DATABASE_NOW_EPOCH = `EXTRACT(EPOCH FROM ${DATABASE_NOW})::float8`;
