// English sentences of the coverage area.

export const coverage = {};
