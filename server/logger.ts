import pino, { type Logger } from 'pino';

// Secrets never reach the logs: headers and token-bearing fields are redacted wherever they appear.
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: undefined,
    redact: {
      paths: [
        'req.headers.authorization',
        '*.authorization',
        '*.access_token',
        '*.refresh_token',
        '*.token',
        'token',
        'access_token',
        'refresh_token',
        // The SMS account's auth token, wherever an object carrying it is logged.
        'authToken',
        '*.authToken',
        '*.*.authToken',
        'auth_token_sealed',
        '*.auth_token_sealed',
      ],
      censor: '[redacted]',
    },
  });
}
