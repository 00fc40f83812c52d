/** Stored with every evaluation: a replay under another engine version is reported, not hidden. */
export const ENGINE_VERSION = '1.0.0';
