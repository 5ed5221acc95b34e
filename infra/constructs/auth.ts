import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

/**
 * Custom attributes of a user (docs/api.md, "Authentication and scope"). Cognito issues them as `custom:tenant`, `custom:unit`
 * and `custom:role` in the ID token; the app reads either form.
 */
export const CUSTOM_ATTRIBUTES = ['tenant', 'unit', 'role'] as const;

/** Who may sign in: people created by an administrator, with a second factor. */
export class Auth extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;

  constructor(scope: Construct, id: string) {
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

    this.client = this.userPool.addClient('WebClient', {
      // A browser cannot keep a secret.
      generateSecret: false,
      // Sign-in goes through the app's own page (SRP or password flow), not the hosted UI: no OAuth
      // flows, so no implicit grant and no callback URLs to keep in sync.
      disableOAuth: true,
      authFlows: { userSrp: true, userPassword: true },
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes(...CUSTOM_ATTRIBUTES),
      // Users must not change their own tenant, unit or role: only administrators
      // (AdminUpdateUserAttributes) write those. Cognito requires required attributes to stay writable.
      writeAttributes: new ClientAttributes().withStandardAttributes({ email: true, fullname: true }),
    });
  }

  /** The issuer the API's JWT authorizer trusts. */
  get issuerUrl(): string {
    return `https://cognito-idp.${this.userPool.env.region}.amazonaws.com/${this.userPool.userPoolId}`;
  }
}
