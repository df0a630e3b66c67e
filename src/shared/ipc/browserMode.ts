/** The WebSocket close code for a browser-mode socket whose first message lacked the token. */
export const UNAUTHORIZED_CLOSE = 4401;
