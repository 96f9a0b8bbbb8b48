/**
 * Access tokens that run out 40 seconds after they are issued, so a journey can wait past one. Imported
 * first by the journey, before the kit reads the setting (CLINIGRAPH_ACCESS_TOKEN_TTL) when it loads.
 */
export const ACCESS_TOKEN_TTL_SECONDS = 40;
process.env.CLINIGRAPH_ACCESS_TOKEN_TTL = String(ACCESS_TOKEN_TTL_SECONDS);
