import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  UserPoolClient,
  UserPoolClientIdentityProvider,
  UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { CALLBACK_PATH, SIGNED_OUT_PATH } from '@kd/config';

/**
 * Custom attributes of a user (docs/api.md, "Authentication and scope"). Cognito issues them as `custom:tenant`, `custom:unit`
 * and `custom:role` in the ID token; the app reads either form.
 */
export const CUSTOM_ATTRIBUTES = ['tenant', 'unit', 'role'] as const;


export interface AuthProps {
  /** The hosted login's domain prefix: `https://<prefix>.auth.<region>.amazoncognito.com` (unique per region). */
  readonly domainPrefix: string;
}

/**
 * Who may sign in: people created by an administrator, with a second factor, through Cognito's
 * hosted login (authorization code with PKCE; docs/security.md, "Sessions").
 */
export class Auth extends Construct {
  readonly userPool: UserPool;
  readonly domain: UserPoolDomain;
  private webClient: UserPoolClient | undefined;

  constructor(scope: Construct, id: string, props: AuthProps) {
    super(scope, id);

    this.userPool = new UserPool(this, 'UserPool', {
      // Accounts are issued by the party committees, never self-registered.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      keepOriginal: { email: true },
      standardAttributes: {
        email: { required: true, mutable: true },
        fullname: { required: true, mutable: true },
      },
      customAttributes: {
        tenant: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
        unit: new StringAttribute({ minLen: 1, maxLen: 256, mutable: true }),
        role: new StringAttribute({ minLen: 1, maxLen: 32, mutable: true }),
      },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(7),
      },
      // Member records of the party are sensitive: a password alone is not enough. TOTP apps only,
      // so no SMS spend and no SNS role.
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      userInvitation: {
        emailSubject: 'Tài khoản hệ thống Kiểm điểm',
        emailBody:
          'Xin chào, tài khoản của đồng chí đã được tạo. Tên đăng nhập: {username}. Mật khẩu tạm thời: {####}. ' +
          'Đồng chí vui lòng đăng nhập và đổi mật khẩu trong vòng 7 ngày.',
      },
      userVerification: {
        emailSubject: 'Mã xác minh hệ thống Kiểm điểm',
        emailBody: 'Mã xác minh của đồng chí là {####}.',
      },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.domain = this.userPool.addDomain('HostedLogin', { cognitoDomain: { domainPrefix: props.domainPrefix } });
  }

  /** The app client of the web pages and the API; created once, when the web origins are known. */
  get client(): UserPoolClient {
    if (!this.webClient) throw new Error('Auth.addWebClient has not been called');
    return this.webClient;
  }

  /** The hosted login's base URL, `https://<prefix>.auth.<region>.amazoncognito.com`. */
  get domainUrl(): string {
    return this.domain.baseUrl();
  }

  /**
   * The web client: the pages sign in with the authorization code grant and PKCE at the hosted
   * login, coming back to `<origin>/auth/callback` and, after sign-out, to `<origin>/signed-out`,
   * for each origin the pages are served from (the API's URL, and any custom domain).
   */
  addWebClient(origins: readonly string[]): UserPoolClient {
    if (this.webClient) throw new Error('Auth.addWebClient called twice');
    this.webClient = this.userPool.addClient('WebClient', {
      // The app is a public client (the same code runs locally): no secret; PKCE protects the code.
      generateSecret: false,
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: origins.map((origin) => `${origin}${CALLBACK_PATH}`),
        logoutUrls: origins.map((origin) => `${origin}${SIGNED_OUT_PATH}`),
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      // Scripts and other systems may still sign in with SRP or a password for an API token.
      authFlows: { userSrp: true, userPassword: true },
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      // The ID token is the page session (the session cookie lives as long as it): a working day,
      // as locally. Sign-out ends it in the browser at once; a disabled account cannot sign in again.
      idTokenValidity: Duration.hours(8),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes(...CUSTOM_ATTRIBUTES),
      // Users must not change their own tenant, unit or role: only administrators
      // (AdminUpdateUserAttributes) write those. Cognito requires required attributes to stay writable.
      writeAttributes: new ClientAttributes().withStandardAttributes({ email: true, fullname: true }),
    });
    return this.webClient;
  }

  /** The issuer the API's JWT authorizer trusts. */
  get issuerUrl(): string {
    return `https://cognito-idp.${this.userPool.env.region}.amazonaws.com/${this.userPool.userPoolId}`;
  }
}
