// Teams with MICROSOFT_APP_ID/PASSWORD set: the real botbuilder CloudAdapter validates every request's
// token against an OpenID metadata document and JWKS served on 127.0.0.1 with a locally generated RSA
// key (the SDK reads its metadata URL from AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl
// when ConfigurationBotFrameworkAuthentication is created, so it is pointed there first).
// The bot's own outgoing token (normally from Microsoft Entra ID) is put in the SDK's token cache, as
// there is no identity provider offline; the fake connector checks it arrives.
import { AppCredentials, AuthenticationConstants } from 'botframework-connector';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalOpenId, type LocalOpenId } from '../../support/local-openid.js';
import { postTeams, startStack, teamsActivity, type Stack } from './stack.js';

const appId = '4e1c2a7b-0d3f-4a5e-9b8c-1f2e3d4c5b6a';
const outgoingToken = 'outgoing-token-from-the-token-cache';
const question = 'Wanneer is de NvO in VNG-verband vastgesteld?';

let stack: Stack;
let openId: LocalOpenId;
const original = AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl;

beforeAll(async () => {
  openId = await startLocalOpenId();
  stack = await startStack({
    env: { TEAMS_LOCAL_DEV: 'false', MICROSOFT_APP_ID: appId, MICROSOFT_APP_PASSWORD: 'app-password-for-the-auth-test' },
    beforeChannels() {
      Object.assign(AuthenticationConstants, { ToBotFromChannelOpenIdMetadataUrl: openId.metadataUrl });
      (AppCredentials as unknown as { cache: Map<string, unknown> }).cache.set(`${appId}${AuthenticationConstants.ToChannelFromBotOAuthScope}-cache`, { accessToken: outgoingToken, expiresOn: new Date(Date.now() + 3600_000) });
    },
  });
}, 120_000);

afterAll(async () => {
  Object.assign(AuthenticationConstants, { ToBotFromChannelOpenIdMetadataUrl: original });
  await stack?.close();
  await openId?.close();
});

let n = 0;
async function send(token: string | undefined) {
  const user = `auth-${++n}`;
  const activity = teamsActivity(stack.connector.serviceUrl, question, { user, conversationId: `a:auth-${n}` });
  const res = await postTeams(stack.base, activity, token === undefined ? {} : { authorization: `Bearer ${token}` });
  return { status: res.status, replies: stack.connector.messagesTo(activity.conversation.id) };
}

const valid = () => ({ aud: appId, serviceurl: stack.connector.serviceUrl });

describe('Teams request authentication with a local OpenID issuer', () => {
  it('accepts a correctly signed channel token and the answer reaches the connector with the bot token', async () => {
    const r = await send(openId.sign(valid()));
    expect(r.status).toBe(200);
    expect(r.replies.length).toBeGreaterThan(0);
    expect(JSON.stringify(r.replies.at(-1)!.activity)).toMatch(/10 juni 2020/);
    expect(r.replies.at(-1)!.authorization).toBe(`Bearer ${outgoingToken}`);
    expect(openId.fetches.jwks).toBeGreaterThan(0);
  });

  it.each([
    ['no Authorization header', () => undefined],
    ['an expired token (beyond the 5-minute clock tolerance)', () => openId.sign({ ...valid(), nbf: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 600 })],
    ['a token not yet valid', () => openId.sign({ ...valid(), nbf: Math.floor(Date.now() / 1000) + 3600 })],
    ['a wrong audience (another bot)', () => openId.sign({ ...valid(), aud: 'another-bot-app-id' })],
    ['a wrong issuer', () => openId.sign({ ...valid(), iss: 'https://evil.example' })],
    ['an unsigned token (alg none)', () => openId.sign(valid(), { alg: 'none' })],
    ['a token signed with a key that is not served', () => openId.sign(valid(), { key: openId.foreignKey })],
    ['a token for another service URL', () => openId.sign({ ...valid(), serviceurl: 'http://127.0.0.1:1/' })],
    ['a tampered token (claims changed after signing)', () => {
      const [h, , s] = openId.sign(valid()).split('.');
      return `${h}.${Buffer.from(JSON.stringify({ ...valid(), iss: 'https://api.botframework.com', aud: 'another-bot-app-id', exp: 4e9 })).toString('base64url')}.${s}`;
    }],
  ])('refuses %s with 401 and sends nothing', async (_name, token) => {
    const r = await send(token());
    expect(r.status).toBe(401);
    expect(r.replies).toHaveLength(0);
  });
});
