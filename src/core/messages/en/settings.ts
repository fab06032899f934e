// English sentences of the settings area.

export const settings = {};
