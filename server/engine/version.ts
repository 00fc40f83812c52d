/** Stored with every evaluation: a replay under another engine version is reported, not hidden. */
export const ENGINE_VERSION = '2.0.0';
