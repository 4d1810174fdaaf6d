// Multi-entity mode: a reauthentication fails when the person signing in cannot see every connected
// entity (finch-reference §13). Finch does not publish its message; the stand-in's Connect error says
// this phrase, and the app recognises a failed attempt by it.
export const ENTITY_ACCESS_ERROR_PHRASE = "cannot see every company";
