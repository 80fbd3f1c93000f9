// A local stand-in for the Bot Framework's token issuer on 127.0.0.1: an RSA key pair generated at
// start, an OpenID metadata document and its JWKS (the public key, endorsed for 'msteams'), and a
// signer for channel tokens as the Bot Framework Service sends them on each request to the bot.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** The issuer the Bot Framework SDK expects on channel tokens (AuthenticationConstants.ToBotFromChannelTokenIssuer). */
export const botFrameworkIssuer = 'https://api.botframework.com';

export interface TokenClaims {
  iss?: string;
  aud?: string;
  serviceurl?: string;
  /** Seconds since the epoch. */
  nbf?: number;
  exp?: number;
  [claim: string]: unknown;
}

export interface LocalOpenId {
  /** The OpenID metadata document URL (what the SDK calls ToBotFromChannelOpenIdMetadataUrl). */
  metadataUrl: string;
  jwksUrl: string;
  kid: string;
  /** An RS256 token signed with the served key; claims default to a valid channel token for `aud`. */
  sign(claims: TokenClaims, options?: { key?: crypto.KeyObject; kid?: string; alg?: 'RS256' | 'none' }): string;
  /** A key pair whose public half is NOT served: tokens signed with it must be refused. */
  foreignKey: crypto.KeyObject;
  /** How many times the metadata and the key set were fetched. */
  fetches: { metadata: number; jwks: number };
  close(): Promise<void>;
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

export async function startLocalOpenId(options: { endorsements?: string[] } = {}): Promise<LocalOpenId> {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const foreign = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = `local-${crypto.randomBytes(6).toString('hex')}`;
  const jwk = publicKey.export({ format: 'jwk' }) as { n: string; e: string };
  const fetches = { metadata: 0, jwks: 0 };
  let base = '';

  const server = http.createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/v1/.well-known/openidconfiguration') {
      fetches.metadata += 1;
      res.end(JSON.stringify({ issuer: botFrameworkIssuer, authorization_endpoint: `${base}/authorize`, jwks_uri: `${base}/v1/.well-known/keys`, id_token_signing_alg_values_supported: ['RS256'], token_endpoint_auth_methods_supported: ['private_key_jwt'] }));
      return;
    }
    if (req.url === '/v1/.well-known/keys') {
      fetches.jwks += 1;
      res.end(JSON.stringify({ keys: [{ kty: 'RSA', use: 'sig', kid, n: jwk.n, e: jwk.e, endorsements: options.endorsements ?? ['msteams'] }] }));
      return;
    }
    res.statusCode = 404;
    res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    metadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    jwksUrl: `${base}/v1/.well-known/keys`,
    kid,
    foreignKey: foreign.privateKey,
    fetches,
    sign(claims, signOptions = {}) {
      const now = Math.floor(Date.now() / 1000);
      const alg = signOptions.alg ?? 'RS256';
      const header = { alg, typ: 'JWT', kid: signOptions.kid ?? kid, x5t: signOptions.kid ?? kid };
      const payload = { iss: botFrameworkIssuer, nbf: now - 60, exp: now + 3600, ...claims };
      const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
      if (alg === 'none') return `${input}.`;
      const signature = crypto.sign('RSA-SHA256', Buffer.from(input), signOptions.key ?? privateKey);
      return `${input}.${b64url(signature)}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
