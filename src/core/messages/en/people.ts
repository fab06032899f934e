// English sentences of the people area.

export const people = {};
