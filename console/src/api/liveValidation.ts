// ajv compiles JSON Schemas into functions (new Function), which a Content-Security-Policy without
// 'unsafe-eval' forbids. We read the policy the server sends with the page instead of trying (a
// blocked attempt is logged as an error), and check documents live only where the policy allows it;
// otherwise the server checks the schema on save, lint and publish.
import { type Finding, validateVersion } from '../../../server/engine';

const directive = (policy: string, name: string): string | undefined =>
  policy
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `) || d === name);

let probe: Promise<boolean> | null = null;

export const liveValidationAllowed = (): Promise<boolean> => {
  if (!probe) {
    probe = fetch(window.location.pathname || '/', { method: 'HEAD', credentials: 'include' }).then(
      (res) => {
        const policy = res.headers.get('content-security-policy');
        if (!policy) return true;
        const scripts = directive(policy, 'script-src') ?? directive(policy, 'default-src');
        return !scripts || scripts.includes("'unsafe-eval'");
      },
      () => false,
    );
  }
  return probe;
};

/** Schema findings, or null when live checking is not available in this page. */
export const validateLive = async (doc: unknown): Promise<Finding[] | null> =>
  (await liveValidationAllowed()) ? validateVersion(doc) : null;
