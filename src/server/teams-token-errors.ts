// The Bot Framework SDK (4.23) turns only some token failures into a 401: an expired token or a wrong
// issuer/audience is an AuthenticationError, but a bad signature, an unsigned ('alg: none') token or
// one not yet valid escapes as jsonwebtoken's error and CloudAdapter answers 500, which reads as an
// outage in monitoring and invites the channel to retry. Every failure while authenticating a request
// is an authentication failure, so the adapter's authentication rethrows them as AuthenticationError
// (which CloudAdapter answers with 401). Idempotent per adapter.
import type { CloudAdapter } from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';

const unauthorized = 401;
const patched = new WeakSet<object>();

type Authenticating = { authenticateRequest: (...args: unknown[]) => Promise<unknown> };

export function treatTokenErrorsAsUnauthorized(adapter: CloudAdapter): void {
  // CloudAdapterBase keeps it as a protected field; this is the SDK's own authentication object.
  const auth = (adapter as unknown as { botFrameworkAuthentication?: Authenticating }).botFrameworkAuthentication;
  if (!auth || patched.has(auth)) return;
  const original = auth.authenticateRequest.bind(auth);
  auth.authenticateRequest = async (...args: unknown[]) => {
    try {
      return await original(...args);
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : 'token validation failed';
      throw new AuthenticationError(`Unauthorized. ${reason}`, unauthorized);
    }
  };
  patched.add(auth);
}
